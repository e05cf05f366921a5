package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import nl.signaalketen.sharing.SharingRegister;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.RestCase;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Attacks 1, 2 and 6 of issue 8: completing a task with variables its form does not offer (a
 * gemeente that re-routes the case, another case's reference), rewriting read-only fields and
 * sending the wrong types. The form is the write contract, through /engine-rest and Tasklist's API.
 */
@IntegrationTest
class FormContractAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired SharingRegister register;

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  @Test
  void anExtraGemeenteCannotReRouteACaseToAnotherGemeente() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Map<String, Object> duiding = Cases.duiding(true, true, false);
    duiding.put("gemeente", "gemeente-alphen");

    var answer = Rest.as(http, "adviseur-leiden").sendRaw(HttpMethod.POST,
        "/engine-rest/task/" + task + "/submit-form", json(variables(duiding)));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("gemeente").contains("geen veld van dit formulier");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task stays open").isEqualTo(1);
    assertThat(runtime.getVariable(leiden.chainInstance(), "gemeente")).isEqualTo("gemeente-leiden");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(leiden.caseKey()).taskCandidateUser("adviseur-alphen")
        .count()).isZero();
  }

  @Test
  void aNameSentTwiceIsRefusedSoTheGateAndTheEngineReadTheSameRequest() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();

    var answer = Rest.as(http, "adviseur-leiden").sendRaw(HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {\"melderTeruggebeld\": {\"value\": false}},"
            + " \"variables\": {\"gemeente\": {\"value\": \"gemeente-alphen\"}}}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(runtime.getVariable(leiden.chainInstance(), "gemeente")).isEqualTo("gemeente-leiden");
  }

  @Test
  void aPartnerCannotFileItsContributionIntoAnotherCase() {
    WegingCases leiden = WegingCases.inLeiden(engine, http);
    WegingCases other = WegingCases.in("gemeente-alphen", engine, http);
    try {
      Map<String, Object> contribution = WegingCases.contribution("Iets uit de politiesystemen.", null);
      contribution.put("casusId", other.casusId);

      var answer = Rest.as(http, "politie-expert-hm").sendRaw(HttpMethod.POST, "/engine-rest/task/"
          + leiden.taskOf("politie-expert-radicalisering").getId() + "/submit-form", json(variables(contribution)));

      assertThat(answer.getStatusCode().value()).isEqualTo(400);
      assertThat(answer.getBody()).contains("casusId");
      assertThat(register.forCase(other.casusId)).isEmpty();
      assertThat(register.forCase(leiden.casusId)).isEmpty();
    } finally {
      leiden.end();
      other.end();
    }
  }

  @Test
  void aReadOnlyCounterAndABooleanAsTextAreRefusedInDutchThroughTasklistsOwnApiToo() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String duiden = leiden.task(tasks, "melding-duiden").getId();
    tasks.complete(duiden, Cases.duiding(false, false, false));
    String aanvullen = leiden.task(tasks, "aanvullende-informatie-verzamelen").getId();
    Map<String, Object> values = new HashMap<>();
    values.put("informatieRondes", -5);
    values.put("aanvullendeInformatie", "Verzuim nagevraagd bij de school.");
    values.put("bronnenAanvullendeInformatie", "Leerplicht.");
    values.put("grondslagInformatie", "wet-pga");
    HttpHeaders session = Rest.tasklistSession(http, "adviseur-leiden");
    session.setContentType(MediaType.APPLICATION_JSON);

    var counter = http.exchange("/camunda/api/engine/engine/default/task/" + aanvullen + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(json(variables(values)), session), String.class);
    var text = Rest.as(http, "adviseur-leiden").sendRaw(HttpMethod.POST, "/engine-rest/task/" + aanvullen + "/complete",
        json(variables(Map.of("informatieRondes", 1, "aanvullendeInformatie", true))));

    assertThat(counter.getStatusCode().value()).isEqualTo(400);
    assertThat(counter.getBody()).contains("informatieRondes").contains("niet worden gewijzigd").doesNotContain("Cannot");
    assertThat(text.getStatusCode().value()).isEqualTo(400);
    assertThat(text.getBody()).contains("aanvullendeInformatie").contains("moet tekst zijn");
    assertThat(runtime.getVariable(leiden.task(tasks, "aanvullende-informatie-verzamelen").getProcessInstanceId(),
        "informatieRondes")).isEqualTo(1L);
  }

  @Test
  void aRuleTheEngineChecksIsAnsweredInDutchWithoutCamundasEnglishPrefix() {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    HttpHeaders session = Rest.tasklistSession(http, "adviseur-leiden");
    session.setContentType(MediaType.APPLICATION_JSON);

    var answer = http.exchange("/camunda/api/engine/engine/default/task/" + task + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(json(variables(Map.of("melderTeruggebeld", false))), session), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("toelichtingDuiding").contains("verplicht").doesNotContain("Cannot submit");
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
