package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Attack 5 of issue 8: starting the chain past its start form (start instructions, skipped
 * listeners, a business key of one's own, an unknown gemeente, no reporter).
 */
@IntegrationTest
class StartFormBypassAttackTest {

  private static final String START = "/engine-rest/process-definition/key/signaalketen/start";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  private static Map<String, Object> signal(String gemeente) {
    Map<String, Object> variables = new HashMap<>();
    Cases.signal(gemeente).forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  @Test
  void aStartByAnEncodedKeyIsRefusedSoTheEngineStartsNoOtherVersionThanTheOneChecked() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count();
    // %65 is "e": the gate reads the key as "signaalketen", Camunda would resolve it again itself.
    var encoded = Rest.as(http, "meldpunt-leiden").sendToRawPath(HttpMethod.POST,
        "/engine-rest/process-definition/key/signaalket%65n/start", Map.of("variables", signal("gemeente-leiden")));

    assertThat(encoded.getStatusCode().value()).as(encoded.getBody()).isEqualTo(400);
    assertThat(encoded.getBody()).contains("key");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count()).isEqualTo(before);
  }

  @Test
  void startInstructionsSkipFlagsAndAClientBusinessKeyAreRefused() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count();
    Rest meldpunt = Rest.as(http, "meldpunt-leiden");
    Map<String, Object> unknownGemeente = signal("gemeente-nergens");
    unknownGemeente.remove("melderNaam");

    for (Map<String, Object> body : List.<Map<String, Object>>of(
        Map.of("variables", unknownGemeente, "skipCustomListeners", true, "skipIoMappings", true,
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "casus-registreren"))),
        Map.of("variables", signal("gemeente-leiden"), "skipCustomListeners", true),
        Map.of("variables", signal("gemeente-leiden"), "businessKey", "SK-2026-EIGEN"),
        Map.of("variables", signal("gemeente-leiden"), "caseInstanceId", "x"))) {
      var answer = meldpunt.send(HttpMethod.POST, START, body);
      assertThat(answer.getStatusCode().value()).as(body.keySet().toString()).isEqualTo(400);
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count()).isEqualTo(before);
  }

  @Test
  void anUnknownGemeenteOrAMissingReporterIsRefusedNamingTheField() {
    Map<String, Object> unknown = signal("gemeente-nergens");
    Map<String, Object> anonymous = signal("gemeente-leiden");
    anonymous.remove("melderNaam");

    var refusedGemeente = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST, START, Map.of("variables", unknown));
    var refusedReporter = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST, START, Map.of("variables", anonymous));

    assertThat(refusedGemeente.getStatusCode().value()).isEqualTo(400);
    assertThat(refusedGemeente.getBody().get("errors").toString()).contains("gemeente");
    assertThat(refusedReporter.getStatusCode().value()).isEqualTo(400);
    assertThat(refusedReporter.getBody().get("errors").toString()).contains("melderNaam");
  }

  @Test
  void aMeldpuntRegistersOnlyForTheGemeenteItServes() {
    var answer = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST, START, Map.of("variables",
        signal("gemeente-alphen")));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().toString()).contains("gemeente").contains("meldpunt");
  }

  @Test
  void aPhaseWithoutAStartFormIsStartedOnlyByTheChain() {
    var answer = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST,
        "/engine-rest/process-definition/key/melding/start", Map.of("variables", signal("gemeente-leiden")));

    assertThat(answer.getStatusCode().value()).isIn(403, 404);
  }

  @Test
  void aRefusalTheEngineDecidesComesWithoutCamundasEnglishPrefix() {
    var answer = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST, START, Map.of("variables",
        signal("gemeente-alphen")));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("message").toString()).doesNotContain("Cannot").startsWith("U kunt");
  }

  @Test
  void theReporterIsWhoeverStartedItNotAVariableTheClientSends() {
    Map<String, Object> variables = signal("gemeente-leiden");
    variables.put("melderGebruiker", Map.of("value", "adviseur-alphen"));

    var answer = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST, START, Map.of("variables", variables));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("errors").toString()).contains("melderGebruiker");
  }
}
