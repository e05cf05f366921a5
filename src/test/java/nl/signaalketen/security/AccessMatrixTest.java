package nl.signaalketen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Who reaches what of one case of gemeente Leiden that waits in the weging for the partners'
 * contributions, for every kind of demo user, through /engine-rest and /api.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private String caseKey;
  private String chainInstance;

  /** Made in the first test, not in @BeforeAll: process coverage records only inside a test. */
  private void aLeidenCaseWaitingForTheWeegploeg() {
    if (caseKey != null) {
      return;
    }
    var started = Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden");
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    chainInstance = (String) started.getBody().get("id");
    caseKey = runtime.createProcessInstanceQuery().processInstanceId(chainInstance).singleResult().getBusinessKey();
    var duiden = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey("melding-duiden")
        .singleResult();
    tasks.complete(duiden.getId(), Cases.duiding(true, true, false));
  }

  /** user, tasks of the case it sees, whether it sees the case's instances, whether it reported it. */
  Stream<Arguments> users() {
    return Stream.of(
        Arguments.of("adviseur-leiden", 1, true, false),
        Arguments.of("politie-expert-hm", 1, true, false),
        Arguments.of("ovj-hm", 1, true, false),
        Arguments.of("rvdk-hm", 0, false, false),
        Arguments.of("adviseur-alphen", 0, false, false),
        Arguments.of("adviseur-leiderdorp", 0, false, false),
        Arguments.of("wijkagent-leiden", 0, false, false),
        Arguments.of("school-leiden", 0, false, false),
        Arguments.of("jongerenwerker-leiden", 0, false, false),
        Arguments.of("procesregisseur-hm", 0, false, false),
        Arguments.of("burgemeester-leiden", 0, false, false),
        Arguments.of("privacy-leiden", 0, false, false),
        Arguments.of("meldpunt-leiden", 0, false, true),
        Arguments.of("manager-hm", 0, true, false));
  }

  @ParameterizedTest(name = "{0} sees {1} task(s); instances: {2}; reporter: {3}")
  @MethodSource("users")
  void eachUserReachesOnlyWhatItsRoleInTheCaseAllows(String user, int caseTasks, boolean seesInstances,
      boolean isReporter) {
    aLeidenCaseWaitingForTheWeegploeg();
    Rest rest = Rest.as(http, user);

    assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + caseKey, LIST).getBody())
        .as("tasks").hasSize(caseTasks);
    assertThat(rest.get("/engine-rest/process-instance?businessKey=" + caseKey, LIST).getBody().isEmpty())
        .as("instances").isEqualTo(!seesInstances);
    assertThat(rest.get("/engine-rest/process-instance/" + chainInstance + "/variables").getStatusCode().value())
        .as("variables of the case").isIn(403, 404);
    assertThat(rest.get("/engine-rest/history/variable-instance?processInstanceId=" + chainInstance, LIST).getBody())
        .as("historic variables").isEmpty();
    assertThat(rest.get("/api/network/people").getStatusCode()).as("registry").isEqualTo(HttpStatus.OK);
    assertThat(rest.send(HttpMethod.POST, "/api/network/assignments", Map.of()).getStatusCode())
        .as("changing the registry").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.get("/api/meldingen/" + caseKey).getStatusCode())
        .as("reporter status").isEqualTo(isReporter ? HttpStatus.OK : HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest(name = "without credentials {0} answers 401")
  @MethodSource("paths")
  void nothingIsReachableWithoutCredentials(String path) {
    assertThat(Rest.anonymous(http).get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  Stream<String> paths() {
    return Stream.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/variable-instance",
        "/api/network/people", "/api/meldingen");
  }

  @ParameterizedTest(name = "the administrator reaches {0}")
  @MethodSource("paths")
  void theAdministratorIsSeparateFromTheProfessionalsButReachesEverything(String path) {
    assertThat(Rest.as(http, Rest.ADMIN).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
