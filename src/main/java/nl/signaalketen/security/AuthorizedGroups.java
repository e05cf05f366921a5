package nl.signaalketen.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Two checks Camunda makes that cost a scan of the authorization table, which grows with the
 * open work (one grant per task and group), answered without the scan and with the same result.
 *
 * <p>Before every check Camunda narrows a user's groups to those holding any authorization, with
 * {@code SELECT DISTINCT GROUP_ID_} over the whole table. A group without authorizations matches no
 * row in the check anyway, so the groups are passed on as they are.
 *
 * <p>A task query that asks only for the caller's own work, the tasks offered to one of the groups
 * the caller is signed in with, or the tasks assigned to the caller, is answered without the per-row
 * check: every such task carries a grant for exactly that group or assignee, because the engine
 * writes the grant together with the candidate-group link and the assignment (the authorization
 * provider) and nobody removes one by hand (the gate refuses grants and revocations on tasks). The
 * per-row check joins the authorization table on {@code RESOURCE_ID_ IN (task, definition, '*')},
 * which PostgreSQL can only run as a nested loop: 0.45 s for a user who sees 1,000 tasks. Any other
 * task query (other groups, another user, "or" branches, a LIKE on groups, revocations in force)
 * keeps Camunda's check. Checks of standing rights are answered from {@link StandingRights}.
 */
public final class AuthorizedGroups extends AuthorizationManager {

  /** Registered as the engine's AuthorizationManager (a custom session factory replaces the default). */
  public static SessionFactory factory() {
    StandingRights standingRights = new StandingRights();
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new AuthorizedGroups(standingRights);
      }
    };
  }

  private final StandingRights standingRights;

  private AuthorizedGroups(StandingRights standingRights) {
    this.standingRights = standingRights;
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    if (isAuthorizationEnabled() && StandingRights.standing(check)) {
      return standingRights.answer(userId, groupIds, check, () -> super.isAuthorized(userId, groupIds, check));
    }
    return super.isAuthorized(userId, groupIds, check);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    if (StandingRights.standing(check)) {
      return standingRights.answer(userId, groupIds, check, () -> super.isAuthorized(userId, groupIds, check));
    }
    return super.isAuthorized(userId, groupIds, check);
  }

  @Override
  public void insert(DbEntity authorization) {
    if (authorization instanceof AuthorizationEntity a) {
      RevokeChecks.refuseWhileIgnored(a);
    }
    super.insert(authorization);
    forgetStandingRightsOnCommit(authorization);
  }

  /**
   * Most updates are the engine adding a permission to a case participant's grant (never a
   * standing right); an administrator's change may turn a standing right into another, so the row
   * as it was counts too (an engine change finds it in the command's cache; an administrator's
   * change, which arrives detached, costs one lookup).
   */
  @Override
  public void update(AuthorizationEntity authorization) {
    AuthorizationEntity before = getDbEntityManager().selectById(AuthorizationEntity.class, authorization.getId());
    super.update(authorization);
    forgetStandingRightsOnCommit(before != null && StandingRights.standing(before) ? null : authorization);
  }

  @Override
  public void delete(DbEntity authorization) {
    super.delete(authorization);
    forgetStandingRightsOnCommit(authorization);
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    super.deleteAuthorizationsByResourceId(resource, resourceId);
    if (StandingRights.STANDING_TYPES.contains(resource.resourceType())) {
      forgetStandingRightsOnCommit(null);
    }
  }

  private void forgetStandingRightsOnCommit(DbEntity authorization) {
    if (authorization == null || authorization instanceof AuthorizationEntity a && StandingRights.standing(a)) {
      // Also on roll-back: an answer read inside the transaction may have seen the change.
      var transaction = Context.getCommandContext().getTransactionContext();
      transaction.addTransactionListener(TransactionState.COMMITTED, committed -> standingRights.forgetAll());
      transaction.addTransactionListener(TransactionState.ROLLED_BACK, rolledBack -> standingRights.forgetAll());
    }
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
        && OwnWork.only(query, check.getAuthUserId(), check.getAuthGroupIds())) {
      check.setAuthorizationCheckEnabled(false);
    }
  }
}
