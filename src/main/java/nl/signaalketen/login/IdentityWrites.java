package nl.signaalketen.login;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own identity store, which also forgets the remembered sign-ins a change makes stale:
 * every write to users, memberships and tenants passes here, whoever makes it (the registry's
 * IdentitySync, Admin, the REST API, the nightly sync), so none can be missed. Forgotten once the
 * change is committed: before that, a concurrent sign-in would read and keep the old state.
 */
class IdentityWrites extends DbIdentityServiceProvider {

  private final RememberedLogins logins;

  IdentityWrites(RememberedLogins logins) {
    this.logins = logins;
  }

  /** A failed attempt may have locked the user: their remembered sign-in must not outlast the lock. */
  @Override
  public boolean checkPassword(String userId, String password) {
    boolean matches = super.checkPassword(userId, password);
    if (!matches && userId != null) {
      afterCommit(() -> logins.forget(userId));
    }
    return matches;
  }

  /**
   * A person the registry made has no password until one is given: no password matches it
   * (Camunda's own check would fail with a NullPointerException, a 500 for a sign-in attempt).
   */
  @Override
  protected boolean matchPassword(String password, UserEntity user) {
    return user.getPassword() != null && super.matchPassword(password, user);
  }

  /** A new password (or profile). */
  @Override
  public IdentityOperationResult saveUser(User user) {
    return forget(user.getId(), super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return forget(userId, super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return forget(userId, super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return forget(userId, super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return forget(userId, super.deleteMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return forget(userId, super.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return forget(userId, super.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return forgetEveryone(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return forgetEveryone(super.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return forgetEveryone(super.deleteTenantGroupMembership(tenantId, groupId));
  }

  /** A new tenant: sign-ins may now have tenants to look up ({@link RememberedLogins#hasTenants}). */
  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    return forgetEveryone(super.saveTenant(tenant));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return forgetEveryone(super.deleteTenant(tenantId));
  }

  private IdentityOperationResult forget(String userId, IdentityOperationResult result) {
    afterCommit(() -> logins.forget(userId));
    return result;
  }

  private IdentityOperationResult forgetEveryone(IdentityOperationResult result) {
    afterCommit(logins::forgetEveryone);
    return result;
  }

  private static void afterCommit(Runnable forgetting) {
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, commandContext -> forgetting.run());
  }
}
