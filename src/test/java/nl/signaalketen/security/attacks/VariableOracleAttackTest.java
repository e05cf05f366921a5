package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.casefile.PersonKeys;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.RestCase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Attack 4 of issue 8: users who may not read a case's variables ask lists and counts filtered by
 * variable values (a BSN, a name letter by letter, the person key) and learn from the answer.
 */
@IntegrationTest
class VariableOracleAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired PersonKeys personKeys;

  @ParameterizedTest(name = "{0} gets no answer to a count filtered on a BSN or a name")
  @ValueSource(strings = {"manager-hm", "politie-expert-hm", "ovj-hm", "adviseur-alphen", "beheerder"})
  void aCountFilteredOnVariableValuesIsRefusedOnEveryQuery(String user) {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden").inWeging(tasks);
    Rest rest = Rest.as(http, user);
    Map<String, Object> byBsn = Map.of("variables", List.of(Map.of("name", "bsn", "operator", "eq", "value", leiden.bsn())));
    Map<String, Object> byName = Map.of("variables", List.of(Map.of("name", "betrokkeneNaam", "operator", "like",
        "value", leiden.name().substring(0, 3) + "%")));

    for (String count : List.of("/engine-rest/process-instance/count", "/engine-rest/history/process-instance/count",
        "/engine-rest/execution/count", "/engine-rest/process-instance", "/engine-rest/history/process-instance")) {
      assertThat(rest.send(HttpMethod.POST, count, byBsn).getStatusCode().value()).as(count).isIn(400, 403);
      assertThat(rest.send(HttpMethod.POST, count, byName).getStatusCode().value()).as(count).isIn(400, 403);
    }
    for (String query : List.of("/engine-rest/process-instance/count?variables=bsn_eq_" + leiden.bsn(),
        "/engine-rest/history/process-instance/count?variables=bsn_eq_" + leiden.bsn(),
        "/engine-rest/execution/count?processVariables=bsn_eq_" + leiden.bsn(),
        "/engine-rest/history/task/count?processVariables=bsn_eq_" + leiden.bsn(),
        "/engine-rest/variable-instance/count?variableValues=bsn_eq_" + leiden.bsn(),
        "/engine-rest/history/variable-instance/count?variableName=bsn&variableValue=" + leiden.bsn(),
        "/camunda/api/cockpit/plugin/base/default/process-instance/count?variables=bsn_eq_" + leiden.bsn())) {
      assertThat(rest.get(query).getStatusCode().value()).as(query).isIn(400, 401, 403);
    }
  }

  @Test
  void theSameCountWithoutAVariableFilterStillAnswersTheManager() {
    RestCase.start(http, runtime, "gemeente-leiden");
    var count = Rest.as(http, "manager-hm").getJson("/engine-rest/process-instance/count?processDefinitionKey=melding");
    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) count.getBody().get("count")).longValue()).isPositive();
  }

  @Test
  void thePersonKeyIsKeyedAndCannotBeRecomputedFromTheBsn() throws Exception {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    Object key = runtime.getVariable(leiden.chainInstance(), CaseKeys.PERSON_KEY);
    String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(("bsn:" + leiden.bsn()).getBytes(StandardCharsets.UTF_8)));

    assertThat(key).isEqualTo(personKeys.of(leiden.bsn(), null, null)).isNotEqualTo(plain);
    assertThat(Rest.as(http, "manager-hm").send(HttpMethod.POST, "/engine-rest/process-instance/count",
        Map.of("variables", List.of(Map.of("name", CaseKeys.PERSON_KEY, "operator", "eq", "value", key))))
        .getStatusCode().value()).isEqualTo(400);
  }
}
