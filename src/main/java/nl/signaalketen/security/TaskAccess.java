package nl.signaalketen.security;

import java.util.Collection;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may see and work an open task: the groups of its role for the case's gemeente and for the
 * ZVH of its region (nl.signaalketen.network.IdentitySync keeps their members: holders and deputies
 * today). Granted as Camunda would grant a candidate group, without making the group a candidate:
 * the task is still offered to the people themselves, so Tasklist and history name them.
 */
public final class TaskAccess {

  private TaskAccess() {}

  /** Inside the engine command that creates the task (its create listener). */
  public static void shareWith(DelegateTask task, Collection<String> groupIds) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    if (configuration == null || !configuration.isAuthorizationEnabled() || !(task instanceof Task)) {
      return;
    }
    save(configuration, (Task) task, groupIds);
  }

  /** An open task shared with more groups later (escalation to the role's lead), in its own command. */
  public static void shareWith(TaskService tasks, String taskId, Collection<String> groupIds) {
    ((ServiceImpl) tasks).getCommandExecutor().execute(context -> {
      ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null && configuration.isAuthorizationEnabled()) {
        save(configuration, task, groupIds);
      }
      return null;
    });
  }

  private static void save(ProcessEngineConfigurationImpl configuration, Task task, Collection<String> groupIds) {
    for (String groupId : groupIds) {
      AuthorizationEntity[] grants = configuration.getResourceAuthorizationProvider()
          .newTaskGroupIdentityLink(task, groupId, IdentityLinkType.CANDIDATE);
      Context.getCommandContext().getAuthorizationManager().saveDefaultAuthorizations(grants);
    }
  }
}
