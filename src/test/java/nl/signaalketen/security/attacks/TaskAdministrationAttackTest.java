package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.RestCase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * Attack 3 of issue 8: a candidate administers its task through /engine-rest (identity links,
 * assignee, delegation, claiming for someone else, variables outside the form). Professionals work
 * tasks; they do not administer them.
 */
@IntegrationTest
class TaskAdministrationAttackTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aCandidateCannotOfferItsTaskToAUserOfAnotherGemeente() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    var link = adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
        Map.of("userId", "adviseur-alphen", "type", "candidate"));

    assertThat(link.getStatusCode().value()).isEqualTo(403);
    assertThat(Cases.candidateUsers(tasks, task)).doesNotContain("adviseur-alphen");
    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/task/" + task + "/form-variables")
        .getStatusCode().value()).isIn(403, 404);
    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/process-instance?businessKey=" + leiden.caseKey(),
        LIST).getBody()).isEmpty();
  }

  @Test
  void aCandidateCannotSetAnotherAssigneeNorDelegateNorClaimForSomeoneElse() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/assignee",
        Map.of("userId", "adviseur-alphen")).getStatusCode().value()).isEqualTo(403);
    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/delegate",
        Map.of("userId", "adviseur-alphen")).getStatusCode().value()).isEqualTo(403);
    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
        Map.of("userId", "adviseur-alphen")).getStatusCode().value()).isBetween(400, 403);

    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/task?processInstanceBusinessKey="
        + leiden.caseKey(), LIST).getBody()).isEmpty();
  }

  @Test
  void aCandidateCannotWriteTaskVariablesOutsideTheForm() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    var written = adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/variables",
        Map.of("modifications", Map.of("signaal", Map.of("value", "Herschreven door een client."))));
    var one = adviseur.send(HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/gemeente",
        Map.of("value", "gemeente-alphen"));
    var local = adviseur.send(HttpMethod.PUT, "/engine-rest/task/" + task + "/localVariables/gemeente",
        Map.of("value", "gemeente-alphen"));

    assertThat(List.of(written.getStatusCode().value(), one.getStatusCode().value(), local.getStatusCode().value()))
        .containsOnly(403);
    assertThat(tasks.getVariable(task, "signaal")).isEqualTo(Cases.signal("gemeente-leiden").get("signaal"));
    assertThat(tasks.getVariable(task, "gemeente")).isEqualTo("gemeente-leiden");
  }

  @Test
  void aCandidateNeitherCompletesNorGivesBackATaskSomeoneElseClaimed() {
    RestCase weging = RestCase.start(http, runtime, "gemeente-leiden");
    String task = weging.task(tasks, "melding-duiden").getId();
    // A second candidate, as a deputy would be, has claimed the task.
    tasks.addCandidateUser(task, "adviseur-leiderdorp");
    tasks.claim(task, "adviseur-leiderdorp");
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", Map.of())
        .getStatusCode().value()).isEqualTo(403);
    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of())).getStatusCode().value()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("adviseur-leiderdorp");
  }

  @Test
  void variablesInATaskListAnUnknownTaskAndAClaimedTaskGetA4xx() throws Exception {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");
    tasks.addCandidateUser(task, "adviseur-leiderdorp");
    tasks.claim(task, "adviseur-leiderdorp");

    assertThat(adviseur.get("/engine-rest/task?withTaskVariablesInReturn=true").getStatusCode().value()).isEqualTo(400);
    assertThat(adviseur.get("/engine-rest/task/bestaat-niet/deployed-form").getStatusCode().value()).isEqualTo(404);
    assertThat(adviseur.get("/engine-rest/task/bestaat-niet/identity-links").getStatusCode().value()).isEqualTo(404);
    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "adviseur-leiden"))
        .getStatusCode().value()).isEqualTo(409);
    assertThat(rawGet("/camunda/api//engine/engine/default/task")).isBetween(400, 401);
  }

  /** A path sent exactly as written (TestRestTemplate would tidy a double slash away). */
  private int rawGet(String path) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).GET()
        .build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aCandidateClaimsForItselfAndGivesTheTaskBack() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
        Map.of("userId", "adviseur-leiden")).getStatusCode().value()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("adviseur-leiden");
    assertThat(adviseur.send(HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", Map.of())
        .getStatusCode().value()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }
}
