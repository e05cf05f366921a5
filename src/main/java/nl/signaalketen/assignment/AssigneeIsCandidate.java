package nl.signaalketen.assignment;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task is only ever worked by someone it is offered to: on every change of assignee, the new
 * assignee must be one of the task's candidate users (the holders of its role, their deputies,
 * the lead after escalation). Claiming for someone else, or assigning to a person of another
 * gemeente, is refused whatever the interface. Added to every user task by the engine plugin.
 */
public class AssigneeIsCandidate implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    boolean offered = task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && assignee.equals(link.getUserId()));
    if (!offered) {
      throw new BadUserRequestException("Deze taak kan alleen worden toegewezen aan iemand aan wie de taak is"
          + " aangeboden (wie de rol van de taak vervult voor deze gemeente).");
    }
  }
}
