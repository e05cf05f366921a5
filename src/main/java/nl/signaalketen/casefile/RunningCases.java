package nl.signaalketen.casefile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.signaalketen.assignment.CaseVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A signal about a person already in an active case of the same gemeente joins that case instead
 * of opening a new one: {@code bekendeCasusZoeken} finds it through {@link RunningCaseIndex},
 * {@code signaalAanLopendeCasus} hands the signal over as a message (during nazorg it re-opens the
 * weging).
 */
public final class RunningCases {

  public static final String NEW_SIGNAL = "nieuwSignaal";
  public static final String NEW_SIGNAL_DURING_AFTERCARE = "nieuwSignaalTijdensNazorg";

  private RunningCases() {}

  /**
   * The running case, if any: the other instances the index names for this person key and
   * gemeente, of which the first the engine still runs and has not suspended (as the variable
   * query with {@code .active()} decided before the index existed).
   */
  @Component("bekendeCasusZoeken")
  static class Find implements JavaDelegate {
    private final RunningCaseIndex index;
    private final RuntimeService runtime;

    Find(RunningCaseIndex index, RuntimeService runtime) {
      this.index = index;
      this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object key = execution.getVariable(CaseKeys.PERSON_KEY);
      Object gemeente = execution.getVariable(CaseVariables.GEMEENTE);
      List<String> candidates = key == null || gemeente == null ? List.of()
          : index.candidates(key.toString(), gemeente.toString(), execution.getProcessInstanceId());
      execution.setVariable(CaseKeys.RUNNING_CASE, firstActive(candidates));
    }

    private String firstActive(List<String> candidates) {
      if (candidates.isEmpty()) {
        return null; // the usual answer, without asking the engine
      }
      Set<String> active = runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(candidates))
          .processDefinitionKey(CaseKeys.CHAIN_PROCESS).active().list().stream()
          .map(ProcessInstance::getId).collect(Collectors.toSet());
      return candidates.stream().filter(active::contains).findFirst().orElse(null);
    }
  }

  @Component("signaalAanLopendeCasus")
  static class Join implements JavaDelegate {
    private final RuntimeService runtime;

    Join(RuntimeService runtime) {
      this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String target = (String) execution.getVariable(CaseKeys.RUNNING_CASE);
      boolean inAftercare = runtime.createExecutionQuery().processInstanceId(target)
          .activityId("nazorg").count() > 0;
      runtime.createMessageCorrelation(inAftercare ? NEW_SIGNAL_DURING_AFTERCARE : NEW_SIGNAL)
          .processInstanceId(target)
          .setVariablesLocal(Map.of(
              "nieuwSignaal", String.valueOf(execution.getVariable("signaal")),
              "nieuwSignaalCasusId", String.valueOf(execution.getVariable(CaseKeys.CASE_ID))))
          .correlateWithResult();
    }
  }
}
