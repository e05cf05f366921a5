package nl.signaalketen.formvalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a client may submit to a form: exactly its shown, editable fields, each as its type, bounded. */
class FormContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = """
      {"components": [
        {"type": "textfield", "key": "casusId", "label": "Casus", "readonly": true},
        {"type": "number", "key": "ronde", "label": "Ronde", "readonly": true},
        {"type": "textarea", "key": "toelichting", "label": "Toelichting", "validate": {"maxLength": 20}},
        {"type": "textarea", "key": "vrij", "label": "Vrij"},
        {"type": "checkbox", "key": "akkoord", "label": "Akkoord"},
        {"type": "number", "key": "kosten", "label": "Kosten", "validate": {"min": 0, "max": 1000}},
        {"type": "datetime", "subtype": "date", "key": "datum", "label": "Datum"},
        {"type": "radio", "key": "keuze", "label": "Keuze",
         "values": [{"label": "Ja", "value": "ja"}, {"label": "Nee", "value": "nee"}]},
        {"type": "textarea", "key": "reden", "label": "Reden", "conditional": {"hide": "=keuze != \\"nee\\""}},
        {"type": "textarea", "key": "vraag", "label": "Vraag", "readonly": true,
         "conditional": {"hide": "=vraag = null or vraag = \\"\\""}}
      ]}""";

  private static List<String> refused(Map<String, Object> current, String submitted) throws Exception {
    JsonNode form = JSON.readTree(FORM);
    return FormContract.violations(form, current, JSON.readTree(submitted)).stream()
        .map(FormRules.Violation::field).toList();
  }

  private static Map<String, Object> current() {
    Map<String, Object> current = new HashMap<>();
    current.put("casusId", "SK-2026-0001");
    current.put("ronde", 2);
    current.put("gemeente", "gemeente-leiden");
    return current;
  }

  @Test
  void whatTasklistSendsIsAccepted() throws Exception {
    assertThat(refused(current(), """
        {"casusId": {"value": "SK-2026-0001"}, "ronde": {"value": 2}, "toelichting": {"value": "Kort."},
         "vrij": {"value": ""}, "akkoord": {"value": false}, "kosten": {"value": 12.5}, "datum": {"value": "2026-03-01"},
         "keuze": {"value": "ja"}}""")).isEmpty();
  }

  @Test
  void aVariableTheFormDoesNotDeclareIsRefusedByName() throws Exception {
    assertThat(refused(current(), "{\"gemeente\": {\"value\": \"gemeente-alphen\"}, \"casusId\": {\"value\": \"SK-2026-0001\"}}"))
        .containsExactly("gemeente");
  }

  @Test
  void aReadOnlyFieldComesBackOnlyUnchanged() throws Exception {
    assertThat(refused(current(), "{\"ronde\": {\"value\": -5}, \"casusId\": {\"value\": \"SK-ANDER\"}}"))
        .containsExactlyInAnyOrder("ronde", "casusId");
    assertThat(refused(current(), "{\"ronde\": {\"value\": 2.0}}")).isEmpty();
  }

  @Test
  void eachFieldTakesOnlyItsOwnType() throws Exception {
    assertThat(refused(current(), """
        {"akkoord": {"value": "ja"}, "kosten": {"value": "12"}, "toelichting": {"value": 12},
         "datum": {"value": "gisteren"}, "keuze": {"value": true}}"""))
        .containsExactlyInAnyOrder("akkoord", "kosten", "toelichting", "datum", "keuze");
    assertThat(refused(current(), "{\"akkoord\": {\"type\": \"Object\", \"value\": \"rO0AB\","
        + " \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}"))
        .containsExactly("akkoord");
    assertThat(refused(current(), "{\"toelichting\": {\"type\": \"Json\", \"value\": \"{}\"}}")).containsExactly("toelichting");
  }

  @Test
  void everyValueIsBoundedAlsoWhereTheFormDeclaresNoBound() throws Exception {
    String long4001 = "x".repeat(FormContract.TEXT_CEILING + 1);
    assertThat(refused(current(), "{\"vrij\": {\"value\": \"" + long4001 + "\"}, \"toelichting\": {\"value\": \""
        + "x".repeat(21) + "\"}, \"kosten\": {\"value\": 1000.01}}"))
        .containsExactlyInAnyOrder("vrij", "toelichting", "kosten");
    assertThat(refused(current(), "{\"datum\": {\"value\": \"1066-10-14\"}}")).containsExactly("datum");
    assertThat(refused(current(), "{\"datum\": {\"value\": \"99999-01-01\"}}")).containsExactly("datum");
    assertThat(refused(current(), "{\"vrij\": {\"value\": \"nul\\u0000byte\"}}")).containsExactly("vrij");
    assertThat(refused(current(), "{\"vrij\": {\"value\": \"regel 1\\nregel 2 <b>vet</b> é 😀\"}}")).isEmpty();
  }

  @Test
  void aFieldTheFormHidesInThisSituationTakesNoValue() throws Exception {
    assertThat(refused(current(), "{\"keuze\": {\"value\": \"ja\"}, \"reden\": {\"value\": \"Toch iets.\"}}"))
        .containsExactly("reden");
    assertThat(refused(current(), "{\"keuze\": {\"value\": \"nee\"}, \"reden\": {\"value\": \"Omdat.\"}}")).isEmpty();
  }

  @Test
  void aFieldHiddenByItsOwnValueCannotBeWipedAndAHiddenFieldTakesNoOtherType() throws Exception {
    Map<String, Object> current = current();
    current.put("vraag", "Wat weet de school?");
    assertThat(refused(current, "{\"vraag\": {\"value\": \"\"}}")).containsExactly("vraag");
    assertThat(refused(current, "{\"vraag\": {\"value\": null}}")).containsExactly("vraag");
    assertThat(refused(current, "{\"vraag\": {\"value\": \"Wat weet de school?\"}}")).isEmpty();
    assertThat(refused(current(), "{\"reden\": {\"type\": \"Object\", \"value\": null}}")).containsExactly("reden");
    assertThat(refused(current(), "{\"reden\": {\"type\": \"File\", \"value\": null}}")).containsExactly("reden");
  }

  @Test
  void anEntryThatIsNoVariableIsRefused() throws Exception {
    assertThat(refused(current(), "{\"vrij\": \"zonder value\"}")).containsExactly("vrij");
    assertThat(refused(current(), "{\"vrij\": {\"value\": \"x\", \"valueInfo\": {\"transient\": true}}}"))
        .containsExactly("vrij");
  }
}
