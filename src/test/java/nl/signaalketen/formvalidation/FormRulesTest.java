package nl.signaalketen.formvalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The server enforces what the form enforces in the browser, field by field. */
class FormRulesTest {

  private static final String FORM = """
      {"components": [
        {"type": "text", "text": "uitleg"},
        {"type": "textfield", "key": "naam", "label": "Naam", "validate": {"required": true, "maxLength": 5}},
        {"type": "textfield", "key": "bsn", "label": "BSN", "validate": {"pattern": "^[0-9]{9}$"}},
        {"type": "number", "key": "aantal", "label": "Aantal", "validate": {"min": 1, "max": 3}},
        {"type": "radio", "key": "keuze", "label": "Keuze", "validate": {"required": true},
         "values": [{"label": "Ja", "value": "ja"}, {"label": "Nee", "value": "nee"}]},
        {"type": "checklist", "key": "partners", "label": "Partners",
         "values": [{"label": "Politie", "value": "politie"}, {"label": "OM", "value": "om"}]},
        {"type": "checkbox", "key": "akkoord", "label": "Akkoord", "validate": {"required": true}},
        {"type": "textarea", "key": "reden", "label": "Reden", "validate": {"required": true},
         "conditional": {"hide": "=keuze != \\"nee\\""}},
        {"type": "textarea", "key": "eerder", "label": "Eerder", "readonly": true, "validate": {"required": true}}
      ]}""";

  private static List<String> fieldsBroken(Map<String, Object> values) throws Exception {
    JsonNode form = new ObjectMapper().readTree(FORM);
    return FormRules.violations(form, values).stream().map(FormRules.Violation::field).toList();
  }

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("naam", "Anna");
    values.put("keuze", "ja");
    values.put("akkoord", true);
    return values;
  }

  @Test
  void aCompleteSubmissionBreaksNoRule() throws Exception {
    assertThat(fieldsBroken(valid())).isEmpty();
  }

  @Test
  void missingRequiredFieldsAndAnUncheckedRequiredBoxAreNamed() throws Exception {
    Map<String, Object> values = valid();
    values.remove("naam");
    values.put("keuze", " ");
    values.put("akkoord", false);
    assertThat(fieldsBroken(values)).containsExactlyInAnyOrder("naam", "keuze", "akkoord");
  }

  @Test
  void lengthPatternAndRangeAreEnforced() throws Exception {
    Map<String, Object> values = valid();
    values.put("naam", "Annabel");
    values.put("bsn", "12345");
    values.put("aantal", 7);
    assertThat(fieldsBroken(values)).containsExactlyInAnyOrder("naam", "bsn", "aantal");
  }

  @Test
  void onlyValuesTheFormOffersAreAccepted() throws Exception {
    Map<String, Object> values = valid();
    values.put("keuze", "misschien");
    values.put("partners", List.of("politie", "buurman"));
    assertThat(fieldsBroken(values)).containsExactlyInAnyOrder("keuze", "partners");
  }

  @Test
  void aFieldTheFormHidesIsOnlyRequiredWhenShown() throws Exception {
    Map<String, Object> values = valid();
    assertThat(fieldsBroken(values)).doesNotContain("reden");
    values.put("keuze", "nee");
    assertThat(fieldsBroken(values)).containsExactly("reden");
  }

  @Test
  void readOnlyFieldsAreNotSubmittedAndNotChecked() throws Exception {
    assertThat(fieldsBroken(valid())).doesNotContain("eerder");
  }

  @Test
  void theMessageNamesLabelAndKeyInDutch() throws Exception {
    JsonNode form = new ObjectMapper().readTree(FORM);
    Map<String, Object> values = valid();
    values.remove("naam");
    assertThat(FormRules.violations(form, values)).extracting(FormRules.Violation::message)
        .containsExactly("Veld 'Naam' (naam) is verplicht.");
  }
}
