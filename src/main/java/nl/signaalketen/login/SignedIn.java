package nl.signaalketen.login;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;

/**
 * The user HTTP Basic signed in, with the Camunda groups and tenants found when the password was
 * checked: the principal of a Basic sign-in, so the gate and the engine take them from here.
 */
public record SignedIn(String userId, List<String> groups, List<String> tenants)
    implements AuthenticatedPrincipal {

  public SignedIn {
    groups = List.copyOf(groups);
    tenants = List.copyOf(tenants);
  }

  /** The Basic sign-in behind this authentication; empty for a bearer token, a session or nobody. */
  public static Optional<SignedIn> of(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof SignedIn signedIn
        ? Optional.of(signedIn) : Optional.empty();
  }

  @Override
  public String getName() {
    return userId;
  }

  /** The id alone, as before: Spring Security's debug log prints the principal. */
  @Override
  public String toString() {
    return userId;
  }
}
