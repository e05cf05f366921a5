package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A case started through /engine-rest by the meldpunt of a gemeente, naming a person by BSN and
 * name (unique per case), as the hostile-client tests attack it.
 */
public record RestCase(String caseKey, String chainInstance, String bsn, String name) {

  public static RestCase start(TestRestTemplate http, RuntimeService runtime, String gemeente) {
    String unique = String.valueOf(System.nanoTime());
    String bsn = unique.substring(unique.length() - 9);
    String name = "Persoon " + unique;
    Map<String, Object> variables = new HashMap<>();
    Cases.signal(gemeente).forEach((k, v) -> variables.put(k, Map.of("value", v)));
    variables.put("bsn", Map.of("value", bsn));
    variables.put("betrokkeneNaam", Map.of("value", name));
    var started = Rest.as(http, "meldpunt-leiden").send(HttpMethod.POST,
        "/engine-rest/process-definition/key/signaalketen/start", Map.of("variables", variables));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String instance = (String) started.getBody().get("id");
    String caseKey = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    return new RestCase(caseKey, instance, bsn, name);
  }

  /** The open task of this case with the given definition key (any phase). */
  public Task task(TaskService tasks, String taskDefinitionKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseKey)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(open).as("open " + taskDefinitionKey + " of " + caseKey).hasSize(1);
    return open.get(0);
  }

  /** "Melding duiden" completed as possible radicalisation: the weegploeg partners get their tasks. */
  public RestCase inWeging(TaskService tasks) {
    tasks.complete(task(tasks, "melding-duiden").getId(), Cases.duiding(true, true, false));
    return this;
  }
}
