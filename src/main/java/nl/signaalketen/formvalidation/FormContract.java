package nl.signaalketen.formvalidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The form is the write contract of a task or start event: a client may submit exactly the fields
 * the deployed form declares and shows in this situation, each as its field type, bounded. A field
 * the form shows read-only may come back only unchanged (Tasklist sends it back as it was shown).
 * Everything else is refused, naming it, before the engine stores anything; so are breaches of
 * the form's own rules ({@link FormRules}) on the values the task would then hold, which the
 * engine checks again on complete.
 */
public final class FormContract {

  /** A text a form declares no bound for gets this one (the model test requires a bound). */
  static final int TEXT_CEILING = 4000;
  static final BigDecimal NUMBER_CEILING = new BigDecimal("1000000000000");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "select", "radio");
  private static final Set<String> NUMBER_TYPES = Set.of("Integer", "Long", "Short", "Double");

  private FormContract() {}

  /** A field of the form as it stands with these values: shown or hidden, editable or not. */
  private record Field(JsonNode component, boolean shown, boolean readonly) {}

  /**
   * The violations of a submission. {@code current}: the values the task shows (its visible
   * variables; empty for a start form); {@code submitted}: the request's "variables" object, each
   * entry {"value": ..., "type": ..., "valueInfo": ...} as Camunda's REST API takes it.
   */
  public static List<FormRules.Violation> violations(JsonNode form, Map<String, Object> current, JsonNode submitted) {
    List<FormRules.Violation> problems = new ArrayList<>();
    if (submitted == null || submitted.isNull() || submitted.isMissingNode()) {
      return problems;
    }
    if (!submitted.isObject()) {
      problems.add(new FormRules.Violation("variables", "De velden van het formulier horen als object te komen."));
      return problems;
    }
    Map<String, Object> merged = new HashMap<>(current);
    submitted.fields().forEachRemaining(e -> merged.put(e.getKey(), FormValues.plain(e.getValue().path("value"))));
    Map<String, Field> fields = new LinkedHashMap<>();
    HideConditions hide = new HideConditions(merged);
    collect(form.path("components"), true, hide, fields);
    for (Iterator<Map.Entry<String, JsonNode>> it = submitted.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      check(entry.getKey(), entry.getValue(), fields.get(entry.getKey()), current, problems);
    }
    // And the form's own rules on the values the task would hold, so one answer names every field.
    Set<String> named = new java.util.HashSet<>();
    problems.forEach(p -> named.add(p.field()));
    FormRules.violations(form, merged, hide).stream().filter(p -> !named.contains(p.field())).forEach(problems::add);
    return problems;
  }

  private static void collect(JsonNode components, boolean shown, HideConditions hide, Map<String, Field> fields) {
    for (JsonNode c : components) {
      boolean visible = shown && !hide.hidden(c);
      if (c.has("components")) {
        collect(c.get("components"), visible, hide, fields);
      }
      String key = c.path("key").asText(null);
      if (key != null && FormRules.INPUT_TYPES.contains(c.path("type").asText())) {
        boolean readonly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
        fields.merge(key, new Field(c, visible, readonly),
            (a, b) -> a.shown() && !a.readonly() ? a : b); // a key twice: the editable, shown one counts
      }
    }
  }

  private static void check(String key, JsonNode variable, Field field, Map<String, Object> current,
      List<FormRules.Violation> problems) {
    if (field == null) {
      problems.add(new FormRules.Violation(key, "'" + key + "' is geen veld van dit formulier; alleen de velden"
          + " van het formulier kunnen worden ingevuld."));
      return;
    }
    String name = FormRules.name(field.component(), key);
    if (!variable.isObject()) {
      problems.add(new FormRules.Violation(key, "Veld " + name + " heeft geen geldige vorm: verwacht {\"value\": ...}."));
      return;
    }
    JsonNode value = variable.path("value");
    String type = field.component().path("type").asText();
    // An empty text is "nothing filled in" only for a field that holds text; a box or a number is null then.
    boolean empty = value.isMissingNode() || value.isNull()
        || (value.isTextual() && value.asText().isEmpty() && !"checkbox".equals(type) && !"number".equals(type));
    JsonNode info = variable.path("valueInfo");
    if (!(info.isMissingNode() || info.isNull() || (info.isObject() && info.isEmpty()))) {
      problems.add(new FormRules.Violation(key, "Veld " + name + ": valueInfo hoort niet bij een formulierveld."));
      return;
    }
    String declared = variable.path("type").asText(null);
    String shape = shape(type, field.component(), declared, value, empty);
    if (shape != null) {
      problems.add(new FormRules.Violation(key, "Veld " + name + " " + shape + "."));
      return;
    }
    // Read-only, or hidden in this situation (Tasklist then sends nothing): only as it is.
    if (field.readonly() || !field.shown()) {
      if (!FormValues.canonical(type, current.get(key)).equals(FormValues.canonical(type, FormValues.plain(value)))) {
        problems.add(new FormRules.Violation(key, "Veld " + name + (field.readonly()
            ? " kan in deze stap niet worden gewijzigd." : " hoort in deze situatie niet bij het formulier.")));
      }
      return;
    }
    if (!empty) {
      FormRules.bounds(field.component(), key, FormValues.plain(value), problems);
      ceilings(type, field.component(), key, name, value, problems);
    }
  }

  /** What is wrong with the value's type for this kind of field, or null. */
  private static String shape(String type, JsonNode component, String declared, JsonNode value, boolean empty) {
    if ("checkbox".equals(type)) {
      return (declared == null || "Boolean".equals(declared)) && (empty || value.isBoolean()) ? null
          : "moet ja of nee zijn (true of false)";
    }
    if ("number".equals(type)) {
      boolean typed = declared == null || NUMBER_TYPES.contains(declared);
      return typed && (empty || value.isNumber()) ? null : "moet een getal zijn";
    }
    boolean stringTyped = declared == null || "String".equals(declared);
    if ("datetime".equals(type)) {
      return stringTyped && (empty || value.isTextual() && FormValues.date(component, value.asText()) != null) ? null
          : "moet een datum zijn (jjjj-mm-dd) tussen " + FormValues.EARLIEST.getYear() + " en " + FormValues.LATEST.getYear();
    }
    if (TEXT_TYPES.contains(type)) {
      if (!stringTyped || !(empty || value.isTextual())) {
        return "moet tekst zijn";
      }
      return empty || !FormValues.hasControlCharacters(value.asText()) ? null : "bevat tekens die niet in een tekst horen";
    }
    return "wordt niet ondersteund";
  }

  /** Bounds for fields whose form declares none (the model test asks every form to declare them). */
  private static void ceilings(String type, JsonNode component, String key, String name, JsonNode value,
      List<FormRules.Violation> problems) {
    if (value.isTextual() && !component.path("validate").has("maxLength") && value.asText().length() > TEXT_CEILING) {
      problems.add(new FormRules.Violation(key, "Veld " + name + " mag hoogstens " + TEXT_CEILING + " tekens hebben."));
    }
    if ("number".equals(type) && value.decimalValue().abs().compareTo(NUMBER_CEILING) > 0) {
      problems.add(new FormRules.Violation(key, "Veld " + name + " is te groot."));
    }
  }
}
