package nl.signaalketen.formvalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Through Camunda's REST API and Tasklist's own (/camunda/api/engine), as Tasklist submits: what the
 * form forbids is refused with 400 naming the field, nothing stored.
 */
@IntegrationTest
class FormValidationHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  private static Map<String, Object> value(Object v) {
    return Map.of("value", v);
  }

  @Test
  void completingATaskWithoutARequiredFieldAnswers400NamingTheFieldAndKeepsTheTask() {
    var instance = mayorsDecision();
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    Rest mayor = Rest.as(http, "burgemeester-leiden");

    ResponseEntity<String> refused = mayor.sendRaw(HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"bestuurlijkBesluit\":{\"value\":\"opheffen\"}}}");

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("toelichtingBestuurlijkBesluit").contains("verplicht")
        .contains("bestuurlijkBesluit").contains("niet aanbiedt");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), "bestuurlijkBesluit")).isNull();

    Map<String, Object> variables = new HashMap<>();
    variables.put("bestuurlijkBesluit", value("monitoren"));
    variables.put("toelichtingBestuurlijkBesluit", value("Voortzetten onder toezicht."));
    ResponseEntity<Map<String, Object>> accepted = mayor.send(HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(accepted.getStatusCode().is2xxSuccessful()).isTrue();
  }

  @Test
  void startingTheChainWithoutTheReportersContactIsRefusedByTheStartFormRules() {
    Map<String, Object> variables = new HashMap<>();
    Cases.signal("gemeente-leiden").forEach((k, v) -> variables.put(k, value(v)));
    variables.remove("melderContact");

    ResponseEntity<String> refused = Rest.as(http, "meldpunt-leiden").sendRaw(HttpMethod.POST,
        "/engine-rest/process-definition/key/signaalketen/start",
        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("variables", variables)).toString());

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("melderContact");
  }

  @Test
  void submittingARefusedTaskFormThroughTasklistsOwnApiAnswers400NamingTheField() {
    var instance = mayorsDecision();
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    HttpHeaders session = Rest.tasklistSession(http, "burgemeester-leiden");
    session.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> refused = http.exchange("/camunda/api/engine/engine/default/task/" + taskId
        + "/submit-form", HttpMethod.POST, new HttpEntity<>(
            "{\"variables\":{\"bestuurlijkBesluit\":{\"value\":\"monitoren\"}}}", session), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("toelichtingBestuurlijkBesluit").contains("verplicht")
        .doesNotContain("Exception:").doesNotContain("\tat ");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), "bestuurlijkBesluit")).isNull();
  }

  @Test
  void submittingARefusedStartFormThroughTasklistsOwnApiAnswers400NamingTheField() {
    Map<String, Object> variables = new HashMap<>();
    Cases.signal("gemeente-leiden").forEach((k, v) -> variables.put(k, value(v)));
    variables.remove("melderContact");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("signaalketen")
        .latestVersion().singleResult().getId();
    HttpHeaders session = Rest.tasklistSession(http, "meldpunt-leiden");
    session.setContentType(MediaType.APPLICATION_JSON);
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count();

    ResponseEntity<String> refused = http.exchange("/camunda/api/engine/engine/default/process-definition/"
        + definition + "/submit-form", HttpMethod.POST, new HttpEntity<>(
            new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("variables", variables)).toString(),
            session), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("melderContact");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count()).isEqualTo(before);
  }

  /** The mayor's decision on a plan changed too often: a task whose form has required fields. */
  private org.camunda.bpm.engine.runtime.ProcessInstance mayorsDecision() {
    return runtime.startProcessInstanceByKey("bestuurlijk-besluit",
        Map.of("gemeente", "gemeente-leiden", "casusId", "SK-FORM-" + System.nanoTime(), "planRonde", 3));
  }
}
