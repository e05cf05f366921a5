package nl.signaalketen.sharing;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The one task listener (complete) that records a share from the processes:
 * {@code <camunda:taskListener event="complete" delegateExpression="${deelregister}"/>} on a task
 * whose form shares information (see {@link TaskShares}); the form decides what the entry says.
 * On "Informatie aanleveren" it also adds the contribution to {@code bijdragen} and
 * {@code bijdragenOverzicht}, which the joint weighing reads.
 *
 * <p>The entry is written just before the transaction commits, after every listener of the step
 * (also the server-side form rules, which run after this one) has accepted it and after a melding
 * has become a case, so the entry can carry that case's reference.
 */
@Component("deelregister")
public class SharingRecorder implements TaskListener {

  static final String CONTRIBUTION_FORM = "informatie-aanleveren";
  static final String REPORT_FORM = "delen-en-vastleggen";
  static final String HANDOVER_FORM = "melding-overdracht-wijkteam";

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
    String user = recordedBy(task);
    LocalDateTime now = LocalDateTime.now(clock);
    SharingEntry entry;
    if (CONTRIBUTION_FORM.equals(form)) {
      entry = TaskShares.contribution(task, user, now);
      keepContribution(task);
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
    String casus = SharingEntry.REPORT.equals(entry.kind()) ? null : CaseReferences.caseOf(task);
    String instance = task.getProcessInstanceId();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
        context -> register.insert(entry.withCase(casus != null ? casus : references.reportedCase(instance))));
  }

  /**
   * What the expression listeners did before: the contribution (all local variables of this
   * partner's task: its form fields, partnerRol, ronde, gedeeldDoor, gedeeldOp) joins the list
   * bijdragen, and a readable paragraph joins bijdragenOverzicht.
   */
  @SuppressWarnings("unchecked")
  private static void keepContribution(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    execution.setVariableLocal("gedeeldOp", ClockUtil.getCurrentTime());
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    execution.setVariableLocal("gedeeldDoor", user != null ? user.getUserId() : task.getAssignee());
    Map<String, Object> contribution = new HashMap<>(execution.getVariablesLocal());
    Object existing = execution.getVariable("bijdragen");
    List<Map<String, Object>> all = existing == null ? new ArrayList<>() : (List<Map<String, Object>>) existing;
    all.add(contribution);
    execution.setVariable("bijdragen", all);
    Object overview = execution.getVariable("bijdragenOverzicht");
    String before = overview == null ? "" : overview.toString();
    execution.setVariable("bijdragenOverzicht", before + (before.isEmpty() ? "" : "\n\n") + paragraph(contribution));
  }

  /** As the former expression did (an absent value reads as empty text). */
  private static String paragraph(Map<String, Object> c) {
    String head = "Ronde " + text(c, "ronde") + " - " + text(c, "partnerRol") + "\n";
    if (!"informatie".equals(c.get("bijdrage"))) {
      return head + "Niets bij te dragen: " + text(c, "redenGeenBijdrage");
    }
    return head + "Gedeeld: " + text(c, "samenvatting") + "\nDoel: " + text(c, "doel") + "\nGrondslag: "
        + text(c, "grondslag") + "\nProportionaliteit: " + text(c, "proportionaliteit") + "\nSubsidiariteit: "
        + text(c, "subsidiariteit") + "\nBijzondere persoonsgegevens: "
        + (Boolean.TRUE.equals(c.get("bijzondereGegevens")) ? "ja, " + text(c, "soortBijzondereGegevens") : "nee");
  }

  private static String text(Map<String, Object> values, String name) {
    Object value = values.get(name);
    return value == null ? "" : value.toString();
  }

  /** The signed-in user completing the task; else its assignee; else the engine itself. */
  private static String recordedBy(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "systeem";
  }
}
