package nl.signaalketen.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** A weging of a Leiden case of its own, whose partners contribute through /engine-rest as themselves. */
final class WeighingCases {

  static final String SIGNAL = "Leerling deelt filmpjes die geweld verheerlijken (sharing-test).";
  static final String POLICE_SUMMARY = "Twee registraties wegens bedreiging in 2024 (sharing-test).";

  private final ProcessEngine engine;
  private final TestRestTemplate http;
  final String casusId = "SK-TEST-DEEL-" + System.nanoTime();

  WeighingCases(ProcessEngine engine, TestRestTemplate http) {
    this.engine = engine;
    this.http = http;
  }

  /** Starts the weging: the weegploeg of Leiden each get "Informatie aanleveren". */
  WeighingCases start() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", "gemeente-leiden");
    variables.put("casusId", casusId);
    variables.put("signaal", SIGNAL);
    variables.put("minderjarig", false);
    variables.put("detentieOfToezicht", false);
    engine.getRuntimeService().startProcessInstanceByKey("weging", casusId, variables);
    return this;
  }

  Task taskOf(String partnerRole) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(casusId)
        .taskDefinitionKey("informatie-aanleveren").list().stream()
        .filter(t -> partnerRole.equals(engine.getTaskService().getVariable(t.getId(), "partnerRol")))
        .findFirst().orElseThrow();
  }

  /** The police shares criminal data; completed through /engine-rest as politie-expert-hm. */
  void policeContributes() {
    Map<String, Object> values = new HashMap<>();
    values.put("bijdrage", "informatie");
    values.put("samenvatting", POLICE_SUMMARY);
    values.put("doel", "Gezamenlijke risicotaxatie door de weegploeg.");
    values.put("grondslag", "wet-pga");
    values.put("proportionaliteit", "Alleen registraties die het risico bepalen.");
    values.put("subsidiariteit", "Zonder politie-informatie kan het risico niet worden gewogen.");
    values.put("bijzondereGegevens", true);
    values.put("soortBijzondereGegevens", "Strafrechtelijke gegevens: registraties bij de politie.");
    complete("politie-expert-hm", taskOf("politie-expert-radicalisering"), values);
  }

  void complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    var answer = Rest.as(http, user).send(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
    assertThat(answer.getStatusCode()).as("completing " + task.getName() + ": " + answer.getBody())
        .isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
  }

  void end() {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(casusId).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstanceIfExists(p.getId(), "Test afgerond",
            true, true, true, false));
  }
}
