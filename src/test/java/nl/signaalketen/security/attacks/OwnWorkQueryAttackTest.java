package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.network.IdentitySync;
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
 * A task query for the caller's own work (offered to their groups, or assigned to them) is answered
 * without the per-row authorization check. Such a query must give exactly what the check gives,
 * and every other shape of query (another gemeente's group, another assignee, a LIKE, "or"
 * branches) must keep the check.
 */
@IntegrationTest
class OwnWorkQueryAttackTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};
  private static final String ADVISEUR = "adviseur-radicalisering";
  private static final String LEIDEN_GROUP = IdentitySync.scopedGroup(ADVISEUR, "gemeente-leiden");

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void theQueryForOnesOwnGroupsGivesExactlyWhatTheRowCheckGives() {
    String task = RestCase.start(http, runtime, "gemeente-leiden").task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    List<Object> fast = ids(adviseur.send(HttpMethod.POST, "/engine-rest/task?maxResults=10000",
        Map.of("candidateGroups", List.of(LEIDEN_GROUP)), LIST).getBody());
    // The same criteria with an "or" branch that adds nothing: Camunda's own row check answers it.
    List<Object> checked = ids(adviseur.send(HttpMethod.POST, "/engine-rest/task?maxResults=10000",
        Map.of("candidateGroups", List.of(LEIDEN_GROUP), "orQueries", List.of(Map.of("candidateGroups",
            List.of(LEIDEN_GROUP)))), LIST).getBody());

    assertThat(fast).contains(task).containsExactlyInAnyOrderElementsOf(checked);
  }

  @Test
  void anotherGemeentesGroupInTheQueryFindsNothingOfThatGemeente() {
    String task = RestCase.start(http, runtime, "gemeente-leiden").task(tasks, "melding-duiden").getId();
    Rest alphen = Rest.as(http, "adviseur-alphen");
    String alphenGroup = IdentitySync.scopedGroup(ADVISEUR, "gemeente-alphen");

    assertThat(ids(alphen.get("/engine-rest/task?candidateGroup=" + LEIDEN_GROUP, LIST).getBody())).isEmpty();
    assertThat(alphen.getJson("/engine-rest/task/count?candidateGroup=" + LEIDEN_GROUP).getBody())
        .containsEntry("count", 0);
    assertThat(ids(alphen.send(HttpMethod.POST, "/engine-rest/task",
        Map.of("candidateGroups", List.of(alphenGroup, LEIDEN_GROUP)), LIST).getBody())).doesNotContain(task);
    // A LIKE keeps the row check: it finds the task for whom may read it, and for nobody else.
    Map<String, Object> like = Map.of("candidateGroupLike", ADVISEUR + ".%");
    assertThat(ids(Rest.as(http, "adviseur-leiden").send(HttpMethod.POST, "/engine-rest/task?maxResults=10000", like,
        LIST).getBody())).contains(task);
    assertThat(ids(alphen.send(HttpMethod.POST, "/engine-rest/task?maxResults=10000", like, LIST).getBody()))
        .doesNotContain(task);
    assertThat(ids(alphen.send(HttpMethod.POST, "/engine-rest/task", Map.of("orQueries",
        List.of(Map.of("candidateGroup", alphenGroup), Map.of("candidateGroup", LEIDEN_GROUP))), LIST).getBody()))
        .doesNotContain(task);
  }

  @Test
  void someoneElsesClaimedTasksStayOutOfSight() {
    String task = RestCase.start(http, runtime, "gemeente-leiden").task(tasks, "melding-duiden").getId();
    Rest leiden = Rest.as(http, "adviseur-leiden");
    assertThat(leiden.send(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "adviseur-leiden"))
        .getStatusCode().is2xxSuccessful()).isTrue();

    assertThat(ids(leiden.get("/engine-rest/task?assignee=adviseur-leiden", LIST).getBody())).contains(task);
    assertThat(ids(Rest.as(http, "adviseur-alphen").get("/engine-rest/task?assignee=adviseur-leiden", LIST)
        .getBody())).isEmpty();
    assertThat(ids(Rest.as(http, "adviseur-alphen").get("/engine-rest/task?candidateGroup=" + LEIDEN_GROUP
        + "&includeAssignedTasks=true", LIST).getBody())).doesNotContain(task);
  }

  @Test
  void theAdministratorCannotTakeAwayTheGrantThatGoesWithATask() {
    String task = RestCase.start(http, runtime, "gemeente-leiden").task(tasks, "melding-duiden").getId();
    Rest admin = Rest.as(http, Rest.ADMIN);
    List<Map<String, Object>> grants = admin.get("/engine-rest/authorization?resourceType=7&resourceId=" + task
        + "&groupIdIn=" + LEIDEN_GROUP, LIST).getBody();
    assertThat(grants).hasSize(1);

    var refused = admin.send(HttpMethod.DELETE, "/engine-rest/authorization/" + grants.get(0).get("id"), null);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).asString().contains("netwerkregister");
    assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/task/" + task + "/form-variables")
        .getStatusCode().value()).isEqualTo(200);
  }

  private static List<Object> ids(List<Map<String, Object>> tasks) {
    return tasks.stream().map(t -> t.get("id")).toList();
  }
}
