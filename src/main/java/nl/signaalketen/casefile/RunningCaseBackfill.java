package nl.signaalketen.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.startup.StartupSteps;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, every running chain instance with a person key gets its row in sk_running_case, so
 * that cases running since before the index existed (an upgrade) are still found by a new signal.
 * Idempotent and paged: only the variables of instances without a row are read, and a row is never
 * written twice, so two nodes starting together may both run it. It runs until it finished once
 * (sk_startup_step): cases registered since have their row from the start.
 */
@Component
class RunningCaseBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(RunningCaseBackfill.class);
  static final int PAGE = 500;
  static final String STEP = "running-case-backfill";

  private final RuntimeService runtime;
  private final RunningCaseIndex index;
  private final StartupSteps steps;

  RunningCaseBackfill(RuntimeService runtime, RunningCaseIndex index, StartupSteps steps) {
    this.runtime = runtime;
    this.index = index;
    this.steps = steps;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void indexRunningCases() {
    // Once per installation: every case registered since has its row from the start.
    if (steps.done(STEP)) {
      return;
    }
    // A case ending during a pass shifts the pages and may hide one: pass again until one adds nothing.
    int added = 0;
    for (int pass = backfill(); pass > 0; pass = backfill()) {
      added += pass;
    }
    steps.markDone(STEP);
    if (added > 0) {
      LOG.info("Running cases: {} running cases added to the person-key index", added);
    }
  }

  /** Answers how many rows it added. */
  int backfill() {
    int added = 0;
    for (int first = 0; ; first += PAGE) {
      // Ordered, so pages do not overlap; instances started meanwhile have their row already.
      List<ProcessInstance> page = runtime.createProcessInstanceQuery()
          .processDefinitionKey(CaseKeys.CHAIN_PROCESS).orderByProcessInstanceId().asc()
          .listPage(first, PAGE);
      added += addMissing(page);
      if (page.size() < PAGE) {
        return added;
      }
    }
  }

  private int addMissing(List<ProcessInstance> page) {
    Set<String> indexed = index.indexed(page.stream().map(ProcessInstance::getId).toList());
    List<ProcessInstance> missing = page.stream().filter(p -> !indexed.contains(p.getId())).toList();
    if (missing.isEmpty()) {
      return 0;
    }
    Map<String, Map<String, Object>> variables = globalVariables(missing);
    int added = 0;
    for (ProcessInstance instance : missing) {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      Object key = values.get(CaseKeys.PERSON_KEY);
      Object gemeente = values.get(CaseVariables.GEMEENTE);
      if (key != null && gemeente != null && index.addIfAbsent(instance.getId(),
          caseRef(instance, values.get(CaseKeys.CASE_ID)), key.toString(), gemeente.toString())) {
        added++;
      }
    }
    return added;
  }

  /**
   * Person key, gemeente and casusId of these instances, as the instance's own variables: the
   * variable query the lookup made before matched those only, not a local one of a step.
   */
  private Map<String, Map<String, Object>> globalVariables(List<ProcessInstance> instances) {
    List<VariableInstance> found = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(ProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(CaseKeys.PERSON_KEY, CaseVariables.GEMEENTE, CaseKeys.CASE_ID)
        .disableBinaryFetching().disableCustomObjectDeserialization().list();
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (VariableInstance v : found) {
      if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() != null) {
        byInstance.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    return byInstance;
  }

  /** The case reference retention deletes the row by: the business key, else casusId, else the instance. */
  private static String caseRef(ProcessInstance instance, Object casusId) {
    if (instance.getBusinessKey() != null) {
      return instance.getBusinessKey();
    }
    return casusId != null ? casusId.toString() : instance.getId();
  }
}
