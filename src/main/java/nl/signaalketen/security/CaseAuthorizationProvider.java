package nl.signaalketen.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Case participants, the engine's way: whoever a task is offered to takes part in that case from
 * then on, so besides the task (Camunda's default) they may read the phase's process instance and
 * the case's root instance. Reading an instance gives no variables (specific variable permissions
 * are enforced): the data of a case reaches a participant only through their own task.
 */
public class CaseAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    List<AuthorizationEntity> grants = new ArrayList<>();
    AuthorizationEntity[] taskGrants = super.newTaskUserIdentityLink(task, userId, type);
    if (taskGrants != null) {
      grants.addAll(List.of(taskGrants));
    }
    Set<String> instances = new LinkedHashSet<>();
    if (task.getProcessInstanceId() != null) {
      instances.add(task.getProcessInstanceId());
      instances.add(getRootProcessInstanceId(task));
    }
    for (String instance : instances) {
      if (instance != null) {
        grants.add(readInstance(userId, instance));
      }
    }
    return grants.toArray(new AuthorizationEntity[0]);
  }

  /**
   * Camunda keeps a user's grant on a task when the user is no longer offered it (a role that
   * ended): the grant goes with the offer, unless the user still holds the task as its assignee.
   * What the user read of the case stays in its participants' history (the access log).
   */
  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (userId == null || userId.equals(task.getAssignee())) {
      return null;
    }
    AuthorizationEntity grant = getGrantAuthorizationByUserId(userId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }

  private AuthorizationEntity readInstance(String userId, String instanceId) {
    AuthorizationEntity grant = getGrantAuthorizationByUserId(userId, Resources.PROCESS_INSTANCE, instanceId);
    if (grant == null) {
      grant = createGrantAuthorization(userId, null, Resources.PROCESS_INSTANCE, instanceId);
      // Two tasks of one case created in one transaction must not insert the same grant twice.
      updateAuthorizationBasedOnCacheEntries(grant, userId, null, Resources.PROCESS_INSTANCE, instanceId);
    }
    grant.addPermission(Permissions.READ);
    return grant;
  }
}
