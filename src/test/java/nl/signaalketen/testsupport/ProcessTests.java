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

  /** The refusal of a form rule, as the engine hands it to its caller (see RefusalUnwrapping). */
  public static FormRuleViolation refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("refused by a form rule").isInstanceOf(FormRuleViolation.class);
    return (FormRuleViolation) thrown;
  }

  /** A variable's last value, also after the instance ended. */
  public static Object historic(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
