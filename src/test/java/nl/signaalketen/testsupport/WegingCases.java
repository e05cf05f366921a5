package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A weging (processes/weging.bpmn) started on its own, as the chain's call activity would start it,
 * and what the partners submit on "Informatie aanleveren". The static helpers serve the process
 * tests; an instance is a Leiden weging whose partners contribute through /engine-rest as themselves.
 */
public final class WegingCases {

  private static final String ENRICHMENT = "informatie-aanleveren";
  public static final String SIGNAL = "Leerling deelt filmpjes die geweld verheerlijken.";
  public static final String PURPOSE = "Gezamenlijke risicotaxatie door de weegploeg.";
  public static final String PROPORTIONALITY = "Alleen de feiten die het risico bepalen.";
  public static final String SUBSIDIARITY = "Zonder deze gegevens kan de weegploeg het risico niet wegen.";

  /**
   * Starts a weging of a case of its own (casusId, also the business key, made unique), with the
   * variables the chain passes in: the partners from the decision table each get "Informatie aanleveren".
   */
  public static ProcessInstance start(RuntimeService runtime, String gemeente, boolean minderjarig,
      boolean detentieOfToezicht) {
    String casusId = "SK-TEST-WEGING-" + System.nanoTime();
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", gemeente);
    variables.put("casusId", casusId);
    variables.put("signaal", SIGNAL);
    variables.put("minderjarig", minderjarig);
    variables.put("detentieOfToezicht", detentieOfToezicht);
    return runtime.startProcessInstanceByKey("weging", casusId, variables);
  }

  /** The open "Informatie aanleveren" tasks of the weging, one a partner. */
  public static List<Task> enrichmentTasks(TaskService tasks, ProcessInstance weging) {
    return tasks.createTaskQuery().processInstanceId(weging.getId()).taskDefinitionKey(ENRICHMENT).list();
  }

  /** The open "Informatie aanleveren" of one partner (its local variable partnerRol). */
  public static Task enrichmentTask(TaskService tasks, ProcessInstance weging, String partnerRol) {
    return enrichmentTasks(tasks, weging).stream().filter(t -> partnerRol.equals(partnerOf(tasks, t)))
        .findFirst().orElseThrow(() -> new AssertionError("no open " + ENRICHMENT + " for " + partnerRol));
  }

  public static String partnerOf(TaskService tasks, Task task) {
    return (String) tasks.getVariable(task.getId(), "partnerRol");
  }

  /**
   * What the form "Informatie aanleveren" submits when a partner shares: the summary, the standard
   * purpose, basis (wet-pga), proportionality and subsidiarity, and special-category data when a
   * description of it is given (null: none). Mutable, so a test can take a field away.
   */
  public static Map<String, Object> contribution(String samenvatting, String soortBijzondereGegevens) {
    Map<String, Object> values = new HashMap<>();
    values.put("bijdrage", "informatie");
    values.put("samenvatting", samenvatting);
    values.put("doel", PURPOSE);
    values.put("grondslag", "wet-pga");
    values.put("proportionaliteit", PROPORTIONALITY);
    values.put("subsidiariteit", SUBSIDIARITY);
    values.put("bijzondereGegevens", soortBijzondereGegevens != null);
    if (soortBijzondereGegevens != null) {
      values.put("soortBijzondereGegevens", soortBijzondereGegevens);
    }
    return values;
  }

  /** What the form submits when a partner has nothing to contribute. */
  public static Map<String, Object> nothingToContribute(String reden) {
    return Map.of("bijdrage", "geenInformatie", "redenGeenBijdrage", reden);
  }

  /** Every partner whose "Informatie aanleveren" is still open has nothing to contribute. */
  public static void nothingFromTheOthers(TaskService tasks, ProcessInstance weging, String reden) {
    for (Task open : enrichmentTasks(tasks, weging)) {
      tasks.complete(open.getId(), nothingToContribute(reden));
    }
  }

  // --- a Leiden weging whose partners contribute through /engine-rest as themselves ----------------

  public static final String POLICE_SUMMARY = "Twee registraties wegens bedreiging in 2024 (sharing-test).";

  private final ProcessEngine engine;
  private final TestRestTemplate http;
  private final ProcessInstance instance;
  public final String casusId;

  private WegingCases(ProcessEngine engine, TestRestTemplate http, String gemeente) {
    this.engine = engine;
    this.http = http;
    this.instance = start(engine.getRuntimeService(), gemeente, false, false);
    this.casusId = instance.getBusinessKey();
  }

  /** Starts a weging in gemeente-leiden (no minor, no detention): the weegploeg each get "Informatie aanleveren". */
  public static WegingCases inLeiden(ProcessEngine engine, TestRestTemplate http) {
    return new WegingCases(engine, http, "gemeente-leiden");
  }

  /** The same in another gemeente of the region. */
  public static WegingCases in(String gemeente, ProcessEngine engine, TestRestTemplate http) {
    return new WegingCases(engine, http, gemeente);
  }

  public Task taskOf(String partnerRol) {
    return enrichmentTask(engine.getTaskService(), instance, partnerRol);
  }

  /** The police shares criminal data; completed through /engine-rest as politie-expert-hm. */
  public void policeContributes() {
    complete("politie-expert-hm", taskOf("politie-expert-radicalisering"),
        contribution(POLICE_SUMMARY, "Strafrechtelijke gegevens: registraties bij de politie."));
  }

  private void complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    var answer = Rest.as(http, user).send(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
    assertThat(answer.getStatusCode()).as("completing " + task.getName() + ": " + answer.getBody())
        .isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
  }

  public void end() {
    engine.getRuntimeService().deleteProcessInstanceIfExists(instance.getId(), "Test afgerond",
        true, true, true, false);
  }
}
