package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import nl.signaalketen.formvalidation.FormRuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** Small helpers the process tests share (after BpmnAwareTests.init(engine)). */
public final class ProcessTests {

  private ProcessTests() {}

  /** The refusal of a form rule; the engine may wrap it in its listener exception. */
  public static FormRuleViolation refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof FormRuleViolation)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("refused by a form rule, but got: " + thrown).isInstanceOf(FormRuleViolation.class);
    return (FormRuleViolation) cause;
  }

  /** A variable's last value, also after the instance ended. */
  public static Object historic(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
