package nl.signaalketen.login;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands /engine-rest the user Spring Security signed in. A Basic sign-in brings its groups and
 * tenants, so Camunda's filter does not query them again; for a bearer token it still does.
 * Camunda instantiates this class by name (see SecurityConfig), hence public.
 */
public class EngineRestIdentity extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return SignedIn.of(SecurityContextHolder.getContext().getAuthentication())
        .map(EngineRestIdentity::withGroupsAndTenants)
        .orElseGet(() -> super.extractAuthenticatedUser(request, engine));
  }

  private static AuthenticationResult withGroupsAndTenants(SignedIn user) {
    AuthenticationResult result = AuthenticationResult.successful(user.userId());
    result.setGroups(user.groups());
    result.setTenants(user.tenants());
    return result;
  }
}
