package nl.signaalketen.network;

import static nl.signaalketen.testsupport.Cases.startAtDuiding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Attack 3 of issue 8, after the fact: someone whose role ended keeps Camunda's grant on the tasks
 * they were offered, and so keeps reading and completing them. The grant goes with the offer.
 */
@IntegrationTest
class EndedRoleAttackTest {

  private static final String ASSIGNMENTS = "/api/network/assignments";

  @Autowired TestRestTemplate http;
  @Autowired NetworkService network;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aFormerRoleHolderNeitherReadsNorCompletesTheTaskOfferedToThem() {
    Offer offer = offerToTwoHolders();
    String task = offer.task();
    Rest former = Rest.as(http, "wijkagent-leiden");
    assertThat(former.get("/engine-rest/task/" + task + "/form-variables").getStatusCode().value()).isEqualTo(200);

    assertThat(offer.endTheFormersRole().getStatusCode().is2xxSuccessful()).isTrue();

    assertThat(former.get("/engine-rest/task/" + task + "/form-variables").getStatusCode().value()).isIn(403, 404);
    Map<String, Object> variables = new java.util.HashMap<>();
    Cases.duiding(true, false, false).forEach((k, v) -> variables.put(k, Map.of("value", v)));
    assertThat(former.send(HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", variables)).getStatusCode().value()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @Test
  void aFormerRoleHolderWhoHadClaimedTheTaskLosesTheClaimAndTheTask() {
    Offer offer = offerToTwoHolders();
    String task = offer.task();
    Rest former = Rest.as(http, "wijkagent-leiden");
    assertThat(former.send(HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
        Map.of("userId", "wijkagent-leiden")).getStatusCode().is2xxSuccessful()).isTrue();

    offer.endTheFormersRole();

    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(former.get("/engine-rest/task/" + task + "/form-variables").getStatusCode().value()).isIn(403, 404);
    assertThat(former.get("/engine-rest/task?assignee=wijkagent-leiden&processInstanceId=" + offer.instance())
        .getBody()).isEqualTo("[]");
    assertThat(former.get("/engine-rest/task?processInstanceId=" + offer.instance()).getBody()).isEqualTo("[]");
  }

  /** Tasklist keeps a user's groups in the session for minutes; a task's access comes from a group. */
  @Test
  void aFormerRoleHolderSignedInToTasklistNoLongerReadsTheTaskEither() {
    Offer offer = offerToTwoHolders();
    String task = offer.task();
    HttpHeaders session = Rest.tasklistSession(http, "wijkagent-leiden");
    String formVariables = "/camunda/api/engine/engine/default/task/" + task + "/form-variables";
    assertThat(http.exchange(formVariables, HttpMethod.GET, new HttpEntity<>(session), String.class)
        .getStatusCode().value()).isEqualTo(200);

    offer.endTheFormersRole();

    assertThat(http.exchange(formVariables, HttpMethod.GET, new HttpEntity<>(session), String.class)
        .getStatusCode().value()).isIn(403, 404);
  }

  /** A task in a gemeente of its own, offered to wijkagent-leiden (whose role will end) and adviseur-leiden. */
  private Offer offerToTwoHolders() {
    String gemeente = "gemeente-test-" + UUID.randomUUID().toString().substring(0, 8);
    network.addOrganisation(new NewOrganisation(gemeente, "Gemeente Teststad", OrganisationType.GEMEENTE,
        "zvh-hollands-midden"));
    Rest admin = Rest.as(http, Rest.ADMIN);
    Object leaving = admin.send(HttpMethod.POST, ASSIGNMENTS, Map.of("personId", "wijkagent-leiden",
        "roleCode", "adviseur-radicalisering", "scopeCode", gemeente)).getBody().get("id");
    admin.send(HttpMethod.POST, ASSIGNMENTS, Map.of("personId", "adviseur-leiden",
        "roleCode", "adviseur-radicalisering", "scopeCode", gemeente));
    String instance = startAtDuiding(runtime, gemeente).getId();
    return new Offer(instance, tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        () -> admin.send(HttpMethod.POST, ASSIGNMENTS + "/" + leaving + "/end", Map.of()));
  }

  private record Offer(String instance, String task, java.util.function.Supplier<ResponseEntity<Map<String, Object>>> end) {
    ResponseEntity<Map<String, Object>> endTheFormersRole() {
      return end.get();
    }
  }
}
