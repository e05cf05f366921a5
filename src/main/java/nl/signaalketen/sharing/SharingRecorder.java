package nl.signaalketen.sharing;

import java.time.Clock;
import java.time.LocalDateTime;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.security.ActingUser;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The one task listener (complete) that records a share from the processes:
 * {@code <camunda:taskListener event="complete" delegateExpression="${deelregister}"/>} on a task
 * whose form shares information (see {@link TaskShares}); the form decides what the entry says.
 * The content of a weighing contribution is kept by the casefile (wegingBijdragen), never here.
 *
 * <p>The entry is written just before the transaction commits, after every listener of the step
 * has accepted it and after a melding has become a case, so the entry can carry that case's
 * reference.
 */
@Component("deelregister")
public class SharingRecorder implements TaskListener {

  static final String CONTRIBUTION_FORM = "informatie-aanleveren";
  static final String REPORT_FORM = "delen-en-vastleggen";
  static final String HANDOVER_FORM = "overdracht-voorbereiden";

  private final SharingRegister register;
  private final CaseReferences references;
  private final Clock clock;

  public SharingRecorder(SharingRegister register, CaseReferences references, Clock clock) {
    this.register = register;
    this.references = references;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String form = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
    String user = ActingUser.of(task);
    LocalDateTime now = LocalDateTime.now(clock);
    SharingEntry entry;
    if (CONTRIBUTION_FORM.equals(form)) {
      entry = TaskShares.contribution(task, user, now);
    } else if (REPORT_FORM.equals(form)) {
      entry = TaskShares.report(task, user, now);
    } else if (HANDOVER_FORM.equals(form)) {
      entry = TaskShares.careHandover(task, user, now);
    } else {
      throw new ProcessEngineException("The sharing register (deelregister) does not know form '" + form
          + "' of task '" + task.getTaskDefinitionKey() + "'; it records the forms " + CONTRIBUTION_FORM + ", "
          + REPORT_FORM + " and " + HANDOVER_FORM + ".");
    }
    if (entry == null) {
      return;
    }
    // A melding becomes a case only in the steps after this task: ask for its reference at commit.
    String casus = SharingEntry.REPORT.equals(entry.kind()) ? null : CaseKeys.caseOf(task.getExecution());
    String instance = task.getProcessInstanceId();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
        context -> register.insert(entry.withCase(casus != null ? casus : references.reportedCase(instance))));
  }
}
