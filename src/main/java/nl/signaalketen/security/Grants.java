package nl.signaalketen.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Idempotent Camunda grants: start-up runs on every restart, and creating the same authorization
 * twice violates a unique constraint, so an existing grant is extended instead.
 */
@Component
public class Grants {

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void toGroup(String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization grant = existingGrant(groupId, resource, resourceId);
    if (grant == null) {
      grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (hasAll(grant, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  public void revokeFromGroup(String groupId, Resource resource, String resourceId) {
    Authorization grant = existingGrant(groupId, resource, resourceId);
    if (grant != null) {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  /**
   * Earlier versions let Camunda give candidates UPDATE on their task (identity links, assignee,
   * variables); they now get TASK_WORK. Narrows the per-task grants of open tasks once, in pages.
   */
  public int narrowTaskGrantsToWork() {
    int narrowed = 0;
    List<Authorization> page;
    do {
      page = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).listPage(0, 500);
      for (Authorization grant : page) {
        grant.removePermission(Permissions.UPDATE);
        grant.addPermission(Permissions.TASK_WORK);
        authorizations.saveAuthorization(grant);
        narrowed++;
      }
    } while (!page.isEmpty());
    return narrowed;
  }

  private Authorization existingGrant(String groupId, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }

  private static boolean hasAll(Authorization grant, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
