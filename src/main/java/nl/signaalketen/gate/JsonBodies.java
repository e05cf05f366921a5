package nl.signaalketen.gate;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON bodies the gate reads: strictly, and what in them would filter on variable values. */
final class JsonBodies {

  /** A name twice in one object is refused: the gate and Camunda must read the same request. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonBodies() {}

  /** The body as a JSON object (an empty one for no body), or a 400. */
  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw Refusal.badRequest("De inhoud van het verzoek hoort een JSON-object te zijn.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw Refusal.badRequest("De inhoud van het verzoek is geen geldige JSON.");
    } catch (IOException e) {
      throw Refusal.badRequest("De inhoud van het verzoek kon niet worden gelezen.");
    }
  }

  /** Whether a query body, at any depth (or-queries included), filters on variable values. */
  static boolean filtersOnValues(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (filtersOnValues(element)) {
          return true;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      boolean filled = !(value.isNull() || (value.isContainerNode() && value.isEmpty())
          || (value.isTextual() && value.asText().isBlank()));
      if ((GateChecks.VARIABLE_FILTERS.contains(field.getKey()) && filled) || filtersOnValues(value)) {
        return true;
      }
    }
    return false;
  }
}
