package nl.signaalketen.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Case participants, the engine's way: the candidate groups of a task (its role for the case's
 * gemeente and ZVH, whose members the registry keeps) may, besides the task, read the phase's process instance
 * and the case's root instance. Reading an instance gives no variables (specific variable
 * permissions are enforced): the data of a case reaches a participant only through their own task.
 *
 * <p>Offering a task to a person (a candidate user link) grants nothing by itself: access comes
 * from the role's group, one grant per task whatever the number of holders, and follows the
 * registry at once. The assignee gets Camunda's own grant.
 */
public class CaseAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return IdentityLinkType.CANDIDATE.equals(type) ? null : super.newTaskUserIdentityLink(task, userId, type);
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    List<AuthorizationEntity> grants = new ArrayList<>(List.of(super.newTaskGroupIdentityLink(task, groupId, type)));
    Set<String> instances = new LinkedHashSet<>();
    if (task.getProcessInstanceId() != null) {
      instances.add(task.getProcessInstanceId());
      instances.add(getRootProcessInstanceId(task));
    }
    for (String instance : instances) {
      if (instance != null) {
        grants.add(readInstance(groupId, instance));
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

  /**
   * A task or instance created in this command has no grant in the database yet (its id is new):
   * look only in the command's cache, which {@code updateAuthorizationBasedOnCacheEntries} does, and
   * spare a query per grant on every new signal.
   */
  @Override
  protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
    return createdInThisCommand(resource, resourceId) ? null
        : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
  }

  private static boolean createdInThisCommand(Resource resource, String resourceId) {
    Class<? extends DbEntity> type = resource.resourceType() == Resources.TASK.resourceType() ? TaskEntity.class
        : resource.resourceType() == Resources.PROCESS_INSTANCE.resourceType() ? ExecutionEntity.class : null;
    if (type == null || resourceId == null || Context.getCommandContext() == null) {
      return false;
    }
    DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    DbEntity entity = cache.get(type, resourceId);
    return entity != null && cache.isTransient(entity);
  }

  private AuthorizationEntity readInstance(String groupId, String instanceId) {
    AuthorizationEntity grant = getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, instanceId);
    if (grant == null) {
      grant = createGrantAuthorization(null, groupId, Resources.PROCESS_INSTANCE, instanceId);
      // Two tasks of one case created in one transaction must not insert the same grant twice.
      updateAuthorizationBasedOnCacheEntries(grant, null, groupId, Resources.PROCESS_INSTANCE, instanceId);
    }
    grant.addPermission(Permissions.READ);
    return grant;
  }
}
