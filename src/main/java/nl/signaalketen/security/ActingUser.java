package nl.signaalketen.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who a record made during a task names as its author. */
public final class ActingUser {

  /** Named in records when no person completed the step (a test, a job, the engine itself). */
  public static final String ENGINE = "systeem";

  private ActingUser() {}

  /** The signed-in user completing the task; else its assignee; else the engine itself. */
  public static String of(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : ENGINE;
  }
}
