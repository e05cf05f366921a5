package nl.signaalketen.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms in forms/, by id. The engine resolves a {@code camunda:formRef} against the
 * form's {@code id}, not its file name; requiring both to be equal lets a process owner find the
 * form a task points to without opening every file.
 */
final class FormCatalog {

  /** Form id to the file that declares it. */
  final Map<String, String> fileById = new TreeMap<>();
  final List<String> problems = new ArrayList<>();

  static FormCatalog read(Path formsDir) {
    FormCatalog catalog = new FormCatalog();
    for (Path file : ProcessModelChecker.filesEndingWith(formsDir, ".form")) {
      catalog.add(file);
    }
    return catalog;
  }

  private void add(Path file) {
    String label = ProcessModelChecker.label(file);
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      problems.add(label + ": is not valid JSON: " + e.getMessage());
      return;
    }
    String id = form == null ? "" : form.path("id").asText("").trim();
    if (id.isEmpty()) {
      problems.add(label + ": form has no id");
      return;
    }
    String expected = ProcessModelChecker.baseName(file, ".form");
    if (!id.equals(expected)) {
      problems.add(label + ": form id '" + id + "' differs from the file name '" + expected + "'");
    }
    String other = fileById.putIfAbsent(id, label);
    if (other != null) {
      problems.add(label + ": form id '" + id + "' is already used by " + other);
    }
    checkBounds(label, form.path("components"));
  }

  /** Field types the server's form contract (FormContract) knows how to check. */
  private static final java.util.Set<String> CHECKED_TYPES = java.util.Set.of("textfield", "textarea", "number",
      "select", "radio", "checkbox", "datetime");

  /**
   * The form is the write contract: every field a client may write is typed and bounded. Texts need
   * a maxLength, numbers a min and max; other field types have no server-side check (yet).
   */
  private void checkBounds(String label, JsonNode components) {
    for (JsonNode c : components) {
      checkBounds(label, c.path("components"));
      String key = c.path("key").asText(null);
      String type = c.path("type").asText();
      if (key == null || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode rules = c.path("validate");
      String field = label + ": field '" + key + "' (" + type + ")";
      if (!CHECKED_TYPES.contains(type)) {
        problems.add(field + " is a field type the server cannot check; use one of " + new java.util.TreeSet<>(CHECKED_TYPES));
      } else if (("textfield".equals(type) || "textarea".equals(type)) && !rules.has("maxLength")) {
        problems.add(field + " declares no maxLength: every text a client may write needs a bound");
      } else if ("number".equals(type) && !(rules.has("min") && rules.has("max"))) {
        problems.add(field + " declares no min and max: every number a client may write needs a range");
      } else if ("datetime".equals(type) && !"date".equals(c.path("subtype").asText("date"))) {
        problems.add(field + " is not a date: the server checks dates (subtype date) only");
      }
    }
  }
}
