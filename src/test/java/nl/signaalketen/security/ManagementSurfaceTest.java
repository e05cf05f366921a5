package nl.signaalketen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.RestCase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What Cockpit asks for the manager and what Cockpit and Admin ask for the administrator still
 * answers through the gate (the calls the webapps make, with their bodies); what would read case
 * data or pass every check does not.
 */
@IntegrationTest
class ManagementSurfaceTest {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;

  private ResponseEntity<String> asWebapp(String user, String app, HttpMethod method, String path, String json) {
    HttpHeaders session = Rest.tasklistSession(http, user);
    session.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(json, session), String.class);
  }

  @Test
  void cockpitsOverviewAndInstanceViewsAnswerTheManager() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String definition = runtime.createProcessInstanceQuery().processInstanceId(leiden.chainInstance()).singleResult()
        .getProcessDefinitionId();
    for (String[] call : List.of(
        new String[] {"GET", ENGINE + "/process-definition/statistics?rootIncidents=true", null},
        new String[] {"GET", COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=50", null},
        new String[] {"POST", COCKPIT + "/process-instance?firstResult=0&maxResults=50",
            "{\"processDefinitionId\":\"" + definition + "\",\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}"},
        new String[] {"POST", COCKPIT + "/incident/count", "{\"processDefinitionIdIn\":[\"" + definition + "\"]}"},
        new String[] {"POST", ENGINE + "/history/task/count", "{\"unfinished\":true}"},
        new String[] {"GET", ENGINE + "/process-instance/" + leiden.chainInstance() + "/activity-instances", null},
        new String[] {"POST", ENGINE + "/variable-instance?firstResult=0&maxResults=50",
            "{\"processInstanceIdIn\":[\"" + leiden.chainInstance() + "\"]}"},
        new String[] {"GET", ENGINE + "/job-definition?processDefinitionId=" + definition, null},
        new String[] {"GET", ENGINE + "/decision-definition?latestVersion=true", null})) {
      ResponseEntity<String> answer = asWebapp("manager-hm", "cockpit", HttpMethod.valueOf(call[0]), call[1], call[2]);
      assertThat(answer.getStatusCode().value()).as(call[0] + " " + call[1] + ": " + answer.getBody()).isEqualTo(200);
      assertThat(answer.getBody()).as(call[1]).doesNotContain(leiden.name()).doesNotContain(leiden.bsn());
    }
  }

  @Test
  void theAdministratorCannotMakeTheGroupARolesTasksAreSharedWithBeforeTheRegistryDoes() {
    Rest admin = Rest.as(http, Rest.ADMIN);

    for (String id : List.of("burgemeester.gemeente-nergens", "adviseur-radicalisering", "signaalketen")) {
      var created = admin.send(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", id, "name", "Eigen groep"));
      assertThat(created.getStatusCode().value()).as(id).isEqualTo(403);
      assertThat(String.valueOf(created.getBody())).contains("netwerkregister");
    }
    var typed = admin.send(HttpMethod.POST, "/engine-rest/group/create",
        Map.of("id", "eigen-" + System.nanoTime(), "name", "Eigen groep", "type", "netwerkrol-gebied"));
    assertThat(typed.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aFilterWhoseRightIsTakenAwayNoLongerRunsFromTheNextRequestOn() {
    filterRunsUntilItsRightIsTaken((admin, grant) -> admin.send(HttpMethod.DELETE, "/engine-rest/authorization/" + grant,
        null).getStatusCode().value(), 204);
  }

  @Test
  void aFilterWhoseRightIsTurnedIntoAnotherRightNoLongerRunsFromTheNextRequestOn() {
    filterRunsUntilItsRightIsTaken((admin, grant) -> admin.send(HttpMethod.PUT, "/engine-rest/authorization/" + grant,
        Map.of("permissions", List.of("READ"), "userId", "adviseur-leiden", "resourceType", 1,
            "resourceId", "meldpunt-leiden")).getStatusCode().value(), 204);
  }

  @Test
  void aChangeThatWouldDuplicateAnotherRightIsAConflictNotAServerError() {
    filterRunsUntilItsRightIsTaken((admin, grant) -> {
      // Camunda gave every user a right on their own user: the change would make a second one.
      int duplicate = admin.send(HttpMethod.PUT, "/engine-rest/authorization/" + grant, Map.of("permissions",
          List.of("READ"), "userId", "adviseur-leiden", "resourceType", 1, "resourceId", "adviseur-leiden"))
          .getStatusCode().value();
      assertThat(duplicate).isEqualTo(409);
      return admin.send(HttpMethod.DELETE, "/engine-rest/authorization/" + grant, null).getStatusCode().value();
    }, 204);
  }

  private void filterRunsUntilItsRightIsTaken(java.util.function.BiFunction<Rest, String, Integer> takeAway,
      int answered) {
    Rest admin = Rest.as(http, Rest.ADMIN);
    Rest user = Rest.as(http, "adviseur-leiden");
    var created = admin.send(HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "Proef " + System.nanoTime(), "query", Map.of("assigneeExpression", "${currentUser()}"),
        "properties", Map.of()));
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(200);
    String filter = String.valueOf(created.getBody().get("id"));
    String grant = null;
    try {
      var granted = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
          "permissions", List.of("READ"), "userId", "adviseur-leiden", "resourceType", 5, "resourceId", filter));
      assertThat(granted.getStatusCode().value()).isEqualTo(200);
      grant = String.valueOf(granted.getBody().get("id"));
      assertThat(user.send(HttpMethod.GET, "/engine-rest/filter/" + filter + "/count", null).getStatusCode().value())
          .isEqualTo(200);
      assertThat(user.send(HttpMethod.GET, "/engine-rest/filter/" + filter + "/count", null).getStatusCode().value())
          .isEqualTo(200);

      assertThat(takeAway.apply(admin, grant)).isEqualTo(answered);

      assertThat(user.send(HttpMethod.GET, "/engine-rest/filter/" + filter + "/count", null).getStatusCode().value())
          .isIn(403, 404);
    } finally {
      if (grant != null) {
        admin.send(HttpMethod.DELETE, "/engine-rest/authorization/" + grant, null);
      }
      admin.send(HttpMethod.DELETE, "/engine-rest/filter/" + filter, null);
    }
  }

  @Test
  void theAdministratorCannotCreateARevocationSoTheEngineNeedNotSearchForThem() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    var revoke = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 2,
        "permissions", List.of("READ"), "userId", "adviseur-leiden", "resourceType", 1, "resourceId", "adviseur-leiden"));

    assertThat(revoke.getStatusCode().value()).isEqualTo(403);
    assertThat(String.valueOf(revoke.getBody())).contains("type").contains("REVOKE");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationType(2).count()).isZero();
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("never");
    // Nor through the engine itself, where no gate stands.
    var byJava = engine.getAuthorizationService().createNewAuthorization(2);
    byJava.setUserId("adviseur-leiden");
    byJava.setResource(org.camunda.bpm.engine.authorization.Resources.USER);
    byJava.setResourceId("adviseur-leiden");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getAuthorizationService().saveAuthorization(byJava))
        .hasMessageContaining("REVOKE");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationType(2).count()).isZero();
  }

  @Test
  void theAdministratorManagesGroupsAndRightsButGivesNoRightToReadCaseData() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    String group = "testgroep-" + System.nanoTime();

    assertThat(admin.send(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", group, "name", "Test"))
        .getStatusCode().value()).isEqualTo(204);
    var reading = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("READ", "READ_INSTANCE_VARIABLE"), "groupId", group, "resourceType", 6, "resourceId", "*"));
    var everything = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("ALL"), "groupId", group, "resourceType", 7, "resourceId", "*"));
    var global = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 0,
        "permissions", List.of("READ_INSTANCE_VARIABLE", "READ_TASK_VARIABLE"), "userId", "*", "resourceType", 6,
        "resourceId", "*"));
    var tasks = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("READ", "TASK_WORK"), "groupId", group, "resourceType", 7, "resourceId", "*"));
    var decisions = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("READ_HISTORY"), "groupId", group, "resourceType", 10, "resourceId", "*"));
    var harmless = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("READ"), "groupId", group, "resourceType", 1, "resourceId", "adviseur-leiden"));
    var twice = admin.send(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("READ"), "groupId", group, "resourceType", 1, "resourceId", "adviseur-leiden"));

    assertThat(List.of(reading, everything, global, tasks, decisions)).extracting(r -> r.getStatusCode().value())
        .containsOnly(403);
    assertThat(harmless.getStatusCode().value()).as(String.valueOf(harmless.getBody())).isEqualTo(200);
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    var changed = admin.send(HttpMethod.PUT, "/engine-rest/authorization/" + harmless.getBody().get("id"),
        Map.of("type", 2, "permissions", List.of("READ_TASK_VARIABLE"), "groupId", group, "resourceType", 6,
            "resourceId", "*"));
    assertThat(changed.getStatusCode().value()).isEqualTo(403);
    assertThat(admin.send(HttpMethod.DELETE, "/engine-rest/authorization/" + harmless.getBody().get("id"), null)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(admin.send(HttpMethod.DELETE, "/engine-rest/group/" + group, null).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void theAdministratorNeitherDeploysNorDeletesDeploymentsNorJoinsTheRegistrysGroups() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    String deployment = runtime.createProcessInstanceQuery().list().stream().findFirst()
        .map(p -> p.getProcessDefinitionId()).orElse("x");

    assertThat(admin.sendRaw(HttpMethod.POST, "/engine-rest/deployment/create", "{}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(admin.send(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(admin.send(HttpMethod.PUT, "/engine-rest/group/signaalketen/members/" + Rest.ADMIN, null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(admin.send(HttpMethod.PUT, "/engine-rest/group/adviseur-radicalisering/members/" + Rest.ADMIN, null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(admin.send(HttpMethod.PUT, "/engine-rest/group/bestaat-niet/members/" + Rest.ADMIN, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(admin.send(HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "Spiek",
        "query", Map.of(), "properties", Map.of("variables", List.of(Map.of("name", "bsn", "label", "BSN")))))
        .getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void nobodyJoinsCamundaAdminOrTakesOverItsSealedMember() {
    Rest admin = Rest.as(http, Rest.ADMIN);

    assertThat(admin.send(HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/" + Rest.ADMIN, null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(admin.send(HttpMethod.PUT, "/engine-rest/user/" + Administrators.SEALED + "/credentials",
        Map.of("password", "Een-nieuw-wachtwoord-42", "authenticatedUserPassword", Rest.DEMO_PASSWORD))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(Rest.anonymous(http).send(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "overnemer"), "credentials", Map.of("password", "x"))).getStatusCode().value())
        .isIn(401, 403);
  }
}
