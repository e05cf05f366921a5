package nl.signaalketen.casefile;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import nl.signaalketen.assignment.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A signal about a person already in an active case of the same gemeente joins that case instead
 * of opening a new one: {@code bekendeCasusZoeken} finds it, {@code signaalAanLopendeCasus} hands
 * the signal over as a message (during nazorg it re-opens the weging).
 */
public final class RunningCases {

  public static final String NEW_SIGNAL = "nieuwSignaal";
  public static final String NEW_SIGNAL_DURING_AFTERCARE = "nieuwSignaalTijdensNazorg";

  private RunningCases() {}

  @Component("bekendeCasusZoeken")
  static class Find implements JavaDelegate {
    private final RuntimeService runtime;

    Find(RuntimeService runtime) {
      this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object key = execution.getVariable(CaseKeys.PERSON_KEY);
      ProcessInstance running = key == null ? null : runtime.createProcessInstanceQuery()
          .processDefinitionKey(CaseKeys.CHAIN_PROCESS).active()
          .variableValueEquals(CaseKeys.PERSON_KEY, key)
          .variableValueEquals(CaseVariables.GEMEENTE, execution.getVariable(CaseVariables.GEMEENTE)).list().stream()
          .filter(p -> !p.getId().equals(execution.getProcessInstanceId()))
          .findFirst().orElse(null);
      execution.setVariable(CaseKeys.RUNNING_CASE, running == null ? null : running.getId());
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
