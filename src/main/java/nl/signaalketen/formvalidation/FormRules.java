package nl.signaalketen.formvalidation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules a Camunda Form enforces in the browser, checked again against submitted values:
 * required, minLength/maxLength, pattern, min/max and the allowed values of select, radio and
 * checklist fields. Read-only and disabled fields are not submitted; fields the form hides
 * (conditional.hide, a FEEL expression) are only checked when shown.
 */
public final class FormRules {

  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select",
      "radio", "checkbox", "checklist", "taglist", "datetime");

  private FormRules() {}

  /** A broken rule: the field's key and a Dutch sentence naming the field by label and key. */
  public record Violation(String field, String message) {}

  public static List<Violation> violations(JsonNode form, Map<String, Object> values) {
    return violations(form, values, new HideConditions(values));
  }

  /** With the hide conditions the caller already evaluated for these values. */
  static List<Violation> violations(JsonNode form, Map<String, Object> values, HideConditions hide) {
    List<Violation> problems = new ArrayList<>();
    fields(form.path("components"), problems, values, hide);
    return problems;
  }

  private static void fields(JsonNode components, List<Violation> problems, Map<String, Object> values,
      HideConditions hide) {
    for (JsonNode c : components) {
      if (hide.hidden(c)) {
        continue;
      }
      if (c.has("components")) {
        fields(c.get("components"), problems, values, hide); // groups
      }
      String key = c.path("key").asText(null);
      if (key == null || !INPUT_TYPES.contains(c.path("type").asText())
          || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      check(c, key, values.get(key), problems);
    }
  }

  private static void check(JsonNode c, String key, Object value, List<Violation> problems) {
    boolean unchecked = "checkbox".equals(c.path("type").asText()) && Boolean.FALSE.equals(value);
    if (isEmpty(value) || unchecked) {
      if (c.path("validate").path("required").asBoolean(false)) {
        problems.add(new Violation(key, "Veld " + name(c, key) + " is verplicht."));
      }
      return;
    }
    bounds(c, key, value, problems);
  }

  /** How a message names a field: its label and its key. */
  static String name(JsonNode c, String key) {
    return "'" + c.path("label").asText(key) + "' (" + key + ")";
  }

  /** The rules on a filled-in value: length, pattern, range and the offered values. */
  static void bounds(JsonNode c, String key, Object value, List<Violation> problems) {
    String name = name(c, key);
    JsonNode rules = c.path("validate");
    String text = String.valueOf(value);
    if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
      problems.add(new Violation(key, "Veld " + name + " moet minstens " + rules.get("minLength").asInt() + " tekens hebben."));
    }
    if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
      problems.add(new Violation(key, "Veld " + name + " mag hoogstens " + rules.get("maxLength").asInt() + " tekens hebben."));
    }
    if (rules.hasNonNull("pattern") && !Pattern.compile(rules.get("pattern").asText()).matcher(text).matches()) {
      problems.add(new Violation(key, "Veld " + name + " heeft niet de juiste vorm."));
    }
    if (rules.has("min") || rules.has("max")) {
      number(text).ifPresentOrElse(n -> {
        if (rules.has("min") && n < rules.get("min").asDouble()) {
          problems.add(new Violation(key, "Veld " + name + " moet minstens " + rules.get("min").asText() + " zijn."));
        }
        if (rules.has("max") && n > rules.get("max").asDouble()) {
          problems.add(new Violation(key, "Veld " + name + " mag hoogstens " + rules.get("max").asText() + " zijn."));
        }
      }, () -> problems.add(new Violation(key, "Veld " + name + " moet een getal zijn.")));
    }
    JsonNode options = c.path("values");
    if (options.isArray() && options.size() > 0) {
      Set<String> allowed = new java.util.HashSet<>();
      options.forEach(o -> allowed.add(o.path("value").asText()));
      Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
      List<String> unknown = chosen.stream().map(String::valueOf).filter(v -> !allowed.contains(v))
          .collect(Collectors.toList());
      if (!unknown.isEmpty()) {
        problems.add(new Violation(key, "Veld " + name + " heeft een waarde die het formulier niet aanbiedt: " + unknown + "."));
      }
    }
  }

  static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  private static java.util.Optional<Double> number(String text) {
    try {
      return java.util.Optional.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
