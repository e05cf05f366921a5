package nl.signaalketen.login;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP Basic against Camunda's identity (the users IdentitySync mirrors from the registry), so the
 * API, the REST API and the webapps share one login. Authorities are the user's Camunda groups; the
 * principal is the {@link SignedIn} user with the groups and tenants the engine needs, so no later
 * step of the request looks them up again. A sign-in that passed is remembered briefly
 * ({@link RememberedLogins}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final RememberedLogins remembered;
  private final TransactionTemplate oneTransaction;

  CamundaIdentityAuthenticationProvider(IdentityService identity, RememberedLogins remembered,
      PlatformTransactionManager transactions) {
    this.identity = identity;
    this.remembered = remembered;
    this.oneTransaction = new TransactionTemplate(transactions);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    SignedIn signedIn = user == null || password == null ? null
        : remembered.signIn(user, password.toString(), () -> check(user, password.toString()));
    if (signedIn == null) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
        signedIn.groups().stream().map(SimpleGrantedAuthority::new).toList());
  }

  /**
   * Camunda's password check (which counts failed attempts and locks the user) and then the
   * user's groups and tenants, in one transaction; null when the check fails.
   */
  private SignedIn check(String user, String password) {
    return oneTransaction.execute(status -> {
      if (!identity.checkPassword(user, password)) {
        return null;
      }
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      List<String> tenants = !remembered.hasTenants(() -> identity.createTenantQuery().count() > 0) ? List.of()
          : identity.createTenantQuery().userMember(user).includingGroupsOfUser(true)
              .list().stream().map(Tenant::getId).toList();
      return new SignedIn(user, groups, tenants);
    });
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
