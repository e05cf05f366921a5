package nl.signaalketen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who reaches what through /engine-rest, /api and the Tasklist login, with the demo users. */
@IntegrationTest
class AccessTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired
  TestRestTemplate http;

  @Autowired
  RuntimeService runtime;

  @Autowired
  org.camunda.bpm.engine.TaskService tasks;

  @Autowired
  org.camunda.bpm.engine.IdentityService identity;

  @Autowired
  org.camunda.bpm.engine.HistoryService history;

  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void engineRestAndApiAnswer401WithoutCredentials() {
    assertThat(Rest.anonymous(http).get("/engine-rest/process-definition").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(Rest.anonymous(http).get("/engine-rest/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(Rest.anonymous(http).get("/api/network/people").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsRefused() {
    // Not a user other tests log in as: Camunda delays the next login after a failed one.
    assertThat(Rest.as(http, "boa-leiden", "geraden").get("/engine-rest/process-definition")
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aDemoProfessionalSeesTheSignaalketenProcessDefinition() {
    ResponseEntity<List<Map<String, Object>>> definitions = Rest.as(http, "adviseur-leiden")
        .get("/engine-rest/process-definition", LIST);

    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody()).extracting(d -> d.get("key")).contains("signaalketen");
  }

  @Test
  void meldingDuidenReachesGemeenteAsAdviseurAndNotThatOfAnotherGemeente() {
    String caseKey = startAsMeldpunt("gemeente-leiden");

    List<Map<String, Object>> ownTasks = tasksOf("adviseur-leiden", caseKey);
    assertThat(ownTasks).extracting(t -> t.get("name")).containsExactly("Melding duiden");
    assertThat(tasksOf("adviseur-alphen", caseKey)).isEmpty();
    assertThat(tasksOf("wijkagent-leiden", caseKey)).isEmpty();

    String taskId = (String) ownTasks.get(0).get("id");
    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/task/" + taskId + "/form-variables")
        .getStatusCode().value()).isIn(403, 404);
    assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/task/" + taskId + "/form-variables")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAdviseurSeesNoProcessInstanceOfAnotherGemeente() {
    String caseKey = startAsMeldpunt("gemeente-leiden");

    ResponseEntity<List<Map<String, Object>>> instances = Rest.as(http, "adviseur-alphen")
        .get("/engine-rest/process-instance?businessKey=" + caseKey, LIST);

    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances.getBody()).isEmpty();
  }

  @Test
  void aParticipantSeesTheCaseItTakesPartInButItsDataOnlyThroughItsTask() {
    String caseKey = startAsMeldpunt("gemeente-leiden");
    Rest adviseur = Rest.as(http, "adviseur-leiden");

    List<Map<String, Object>> instances =
        adviseur.get("/engine-rest/process-instance?businessKey=" + caseKey, LIST).getBody();
    assertThat(instances).extracting(p -> p.get("definitionId").toString().split(":")[0])
        .containsExactlyInAnyOrder("signaalketen", "melding");
    String anInstance = (String) instances.get(0).get("id");
    assertThat(adviseur.get("/engine-rest/process-instance/" + anInstance + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theReporterSeesTheStatusOfTheirOwnSignalAndNobodyElseDoes() {
    String caseKey = startAsMeldpunt("gemeente-leiden");

    ResponseEntity<Map<String, Object>> own = Rest.as(http, "meldpunt-leiden").getJson("/api/meldingen/" + caseKey);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).containsOnlyKeys("casusId", "status", "since");
    assertThat(own.getBody().get("status").toString()).contains("ontvangen");
    assertThat(Rest.as(http, "adviseur-leiden").getJson("/api/meldingen/" + caseKey).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Rest.as(http, "meldpunt-leiden").getJson("/api/meldingen/SK-2026-BESTAATNIET").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aSchoolsReporterSeesOnlyTheStatusOfItsSignalNotTheCase() {
    var sharing = runtime.createProcessInstanceByKey("informatie-delen").setVariables(Map.of(
            "gemeente", "gemeente-leiden", "melderNaam", "Bart Peeters", "melderContact", "school@example.org",
            "melderOrganisatie", "Demo Lyceum Leiden", "zorg", "Zorg over een leerling.",
            "besluitDelen", "metToestemming", "doelDelen", "Duiding door de gemeente.",
            "proportionaliteit", "Alleen de feiten.", "subsidiariteit", "Zelf oplossen kan niet."))
        .startBeforeActivity("delen-en-vastleggen").execute();
    var task = tasks.createTaskQuery().processInstanceId(sharing.getId()).singleResult();
    identity.setAuthentication("school-leiden", identity.createGroupQuery().groupMember("school-leiden").list()
        .stream().map(g -> g.getId()).toList());
    try {
      tasks.complete(task.getId(), Map.of("betrokkeneNaam", "Leerling " + System.nanoTime(),
          "signaal", "Filmpjes die geweld verheerlijken.", "tegenindicaties", "Sport nog wekelijks.",
          "betrokkeneGeinformeerd", true));
    } finally {
      identity.clearAuthentication();
    }
    String caseKey = runtime.createProcessInstanceQuery()
        .processInstanceId((String) history.createHistoricVariableInstanceQuery().processInstanceId(sharing.getId())
            .variableName("meldingCasus").singleResult().getValue()).singleResult().getBusinessKey();
    Rest school = Rest.as(http, "school-leiden");

    assertThat(school.get("/api/meldingen", LIST).getBody()).extracting(m -> m.get("casusId")).contains(caseKey);
    assertThat(school.get("/engine-rest/task?processInstanceBusinessKey=" + caseKey, LIST).getBody()).isEmpty();
    assertThat(school.get("/engine-rest/process-instance?businessKey=" + caseKey, LIST).getBody()).isEmpty();
    assertThat(school.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseKey, LIST)
        .getBody()).isEmpty();
  }

  @Test
  void otherWorkInTheSameEngineStaysOutOfSightOfProfessionalsAndTheManager() {
    repository.createDeployment().name("ander werk")
        .addModelInstance("ander-werk.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("ander-werk")
            .camundaHistoryTimeToLive(30).startEvent().receiveTask("wachten").endEvent().done())
        .deploy();
    runtime.startProcessInstanceByKey("ander-werk");

    for (String user : List.of("manager-hm", "adviseur-leiden")) {
      Rest rest = Rest.as(http, user);
      assertThat(rest.get("/engine-rest/process-definition?key=ander-werk", LIST).getBody()).as(user).isEmpty();
      assertThat(rest.get("/engine-rest/process-instance?processDefinitionKey=ander-werk", LIST).getBody())
          .as(user).isEmpty();
    }
    assertThat(Rest.as(http, "manager-hm").get("/engine-rest/process-definition?key=weging", LIST).getBody())
        .isNotEmpty();
  }

  @Test
  void theManagerSeesInstancesAndCountsButNoVariableOfACase() {
    String caseKey = startAsMeldpunt("gemeente-leiden");
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
        .processDefinitionKey("melding").singleResult().getId();
    Rest manager = Rest.as(http, "manager-hm");

    assertThat(manager.get("/engine-rest/process-instance?businessKey=" + caseKey, LIST).getBody())
        .extracting(p -> p.get("id")).contains(instanceId);
    ResponseEntity<Map<String, Object>> count =
        manager.getJson("/engine-rest/process-instance/count?processDefinitionKey=melding");
    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) count.getBody().get("count")).longValue()).as("running melding instances").isPositive();
    assertThat(manager.get("/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(manager.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId, LIST)
        .getBody()).isEmpty();
    assertThat(manager.get("/engine-rest/task?processInstanceId=" + instanceId, LIST).getBody()).isEmpty();
  }

  @Test
  void everyProfessionalHasTheTwoTasklistFiltersAndTheRoleFilterShowsTheirTask() {
    String caseKey = startAsMeldpunt("gemeente-leiden");
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
        .processDefinitionKey("melding").singleResult().getId();
    ResponseEntity<List<Map<String, Object>>> filters = Rest.as(http, "adviseur-leiden")
        .get("/engine-rest/filter?resourceType=Task", LIST);
    assertThat(filters.getBody()).extracting(f -> f.get("name"))
        .contains("Mijn taken", "Taken voor mijn rollen");

    String roleFilter = filters.getBody().stream()
        .filter(f -> "Taken voor mijn rollen".equals(f.get("name"))).map(f -> (String) f.get("id"))
        .findFirst().orElseThrow();
    List<Map<String, Object>> listed = Rest.as(http, "adviseur-leiden")
        .get("/engine-rest/filter/" + roleFilter + "/list?maxResults=1000", LIST).getBody();
    assertThat(listed).extracting(t -> t.get("processInstanceId")).contains(instanceId);
    List<Map<String, Object>> othersListed = Rest.as(http, "adviseur-alphen")
        .get("/engine-rest/filter/" + roleFilter + "/list?maxResults=1000", LIST).getBody();
    assertThat(othersListed).extracting(t -> t.get("processInstanceId")).doesNotContain(instanceId);
  }

  @Test
  void onlyIntakeRolesMayStartTheChain() {
    assertThat(Rest.as(http, "wijkagent-leiden").startChain("gemeente-leiden").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDemoProfessionalCanLogIntoTasklist() {
    HttpHeaders session = Rest.tasklistSession(http, "adviseur-leiden");

    ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session), String.class);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).contains("\"userId\":\"adviseur-leiden\"").contains("tasklist");
  }

  /** Starts a case as the meldpunt does; answers its case reference, the key of every phase. */
  private String startAsMeldpunt(String gemeente) {
    ResponseEntity<Map<String, Object>> started = Rest.as(http, "meldpunt-leiden").startChain(gemeente);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    return runtime.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id"))
        .singleResult().getBusinessKey();
  }

  private List<Map<String, Object>> tasksOf(String user, String caseKey) {
    ResponseEntity<List<Map<String, Object>>> tasks = Rest.as(http, user)
        .get("/engine-rest/task?processInstanceBusinessKey=" + caseKey, LIST);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    return tasks.getBody();
  }
}
