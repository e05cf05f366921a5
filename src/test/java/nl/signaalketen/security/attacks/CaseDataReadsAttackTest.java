package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.sharing.AccessLog;
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

/**
 * Attack 8 of issue 8: reads of case data that leave no line in the access log, and the
 * administrator, who "holds no professional role", reading every BSN, name and signal.
 */
@IntegrationTest
class CaseDataReadsAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AccessLog accessLog;

  @Test
  void everyWayATaskHolderReadsItsTaskIsLoggedOrClosed() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    var form = adviseur.get("/engine-rest/task/" + task + "/form-variables");
    var local = adviseur.get("/engine-rest/task/" + task + "/localVariables");
    var all = adviseur.get("/engine-rest/task/" + task + "/variables");

    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody()).contains(leiden.name());
    List<AccessLog.Line> lines = accessLog.forCase(leiden.caseKey());
    assertThat(lines).extracting(AccessLog.Line::userId).containsOnly("adviseur-leiden");
    int served = (int) List.of(form, local, all).stream().filter(r -> r.getStatusCode().is2xxSuccessful()
        && !"{}".equals(r.getBody())).count();
    assertThat(lines).as("one line per read that returned data").hasSize(served);
    assertThat(lines).allSatisfy(line -> assertThat(line.toString()).doesNotContain(leiden.name())
        .doesNotContain(leiden.bsn()));
  }

  @ParameterizedTest(name = "{0} reads no variable of a case, through any path")
  @ValueSource(strings = {"beheerder", "manager-hm"})
  void theAdministratorAndTheManagerReadNoCaseData(String user) {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest rest = Rest.as(http, user);
    String instance = leiden.chainInstance();

    for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/detail?processInstanceId=" + instance,
        "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
        "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/execution/" + instance + "/localVariables",
        "/engine-rest/task/" + task + "/variables",
        "/engine-rest/task/" + task + "/form-variables",
        "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true")) {
      var answer = rest.get(path);
      assertThat(answer.getStatusCode().value() == 200 ? answer.getBody() : "refused").as(path)
          .doesNotContain(leiden.bsn()).doesNotContain(leiden.name()).isIn("[]", "{}", "refused");
    }
    assertThat(accessLog.forCase(leiden.caseKey())).isEmpty();
  }

  @Test
  void everyChannelOfTheAccessLogCanBeWritten() {
    String casus = "SK-LOG-" + System.nanoTime();
    for (String channel : List.of(AccessLog.API, AccessLog.TASK_FORM, AccessLog.ENGINE_API)) {
      accessLog.record("adviseur-leiden", casus, AccessLog.READ, AccessLog.CASE_DATA, channel, "test");
    }
    assertThat(accessLog.forCase(casus)).extracting(AccessLog.Line::channel)
        .containsExactly(AccessLog.API, AccessLog.TASK_FORM, AccessLog.ENGINE_API);
  }

  @Test
  void theAdministratorIsInNoGroupThatPassesEveryCheck() {
    assertThat(Rest.as(http, Rest.ADMIN).getJson("/engine-rest/identity/groups?userId=" + Rest.ADMIN).getBody()
        .get("groups").toString()).doesNotContain("camunda-admin");
  }
}
