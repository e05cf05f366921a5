package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One evaluation of a decision table by the engine, with the engine's history of exactly that
 * evaluation (the entry that appeared during it, and only one may): which rule rows gave the result
 * and what the input clauses read. Needs history level full, as the application configures it.
 */
public record DecisionEvaluation(DmnDecisionTableResult result, HistoricDecisionInstance history) {

  public static DecisionEvaluation evaluate(ProcessEngine engine, String decisionKey, Map<String, Object> inputs) {
    Date since = ClockUtil.getCurrentTime();
    Set<String> earlier = evaluations(engine.getHistoryService(), decisionKey, since).stream()
        .map(HistoricDecisionInstance::getId).collect(Collectors.toSet());
    DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(decisionKey, inputs);
    List<HistoricDecisionInstance> evaluation = evaluations(engine.getHistoryService(), decisionKey, since).stream()
        .filter(e -> !earlier.contains(e.getId())).toList();
    assertThat(evaluation).as("history entries of this evaluation of %s", decisionKey).hasSize(1);
    return new DecisionEvaluation(result, evaluation.get(0));
  }

  /** The rule rows that gave the result, in the order of their outputs, each once. */
  public List<String> matchedRules() {
    return history.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
  }

  /** What each input clause (by id) read; a value may be null. */
  public Map<String, Object> inputsByClause() {
    Map<String, Object> inputs = new HashMap<>();
    history.getInputs().forEach(input -> inputs.put(input.getClauseId(), input.getValue()));
    return inputs;
  }

  private static List<HistoricDecisionInstance> evaluations(HistoryService history, String decisionKey, Date since) {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey)
        .evaluatedAfter(since).includeInputs().includeOutputs().list();
  }
}
