package nl.signaalketen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The forms as deployed for a national installation: forms/ as it is, except that the start form's
 * gemeente list (melding-registreren, field {@code gemeente}) offers the gemeenten of the national
 * network instead of the three of the demo. The form is the write contract, so a signal for a
 * gemeente the form does not offer is refused; a national installation lists its gemeenten there.
 */
final class NationalForms {

  private NationalForms() {}

  static Path write(NationalNetwork network, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(target)) {
      for (Path old : files.toList()) {
        Files.delete(old);
      }
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode json = Http.JSON.readTree(form.toFile());
        if (json.path("id").asText().equals("melding-registreren")) {
          ObjectNode field = find(json.path("components"), "gemeente");
          if (field == null) {
            throw new IllegalStateException("forms/melding-registreren.form has no field 'gemeente' any more");
          }
          ArrayNode values = field.putArray("values");
          for (NationalNetwork.Gemeente g : network.gemeenten()) {
            values.addObject().put("label", g.name()).put("value", g.code());
          }
        }
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(target.resolve(form.getFileName()).toFile(), json);
      }
    }
    return target;
  }

  private static ObjectNode find(JsonNode components, String key) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText())) {
        return (ObjectNode) c;
      }
      ObjectNode nested = find(c.path("components"), key);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }
}
