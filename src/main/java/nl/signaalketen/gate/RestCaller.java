package nl.signaalketen.gate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.signaalketen.login.SignedIn;
import nl.signaalketen.login.WebappSessions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who calls: the user HTTP Basic (or a bearer token) signed in for /engine-rest and /api, or the
 * user signed in to the webapps (their session) for /camunda/api; with the user's Camunda groups,
 * which decide the kinds of client the user is.
 */
record RestCaller(String userId, List<String> groups, Set<ClientKind> kinds) {

  static final RestCaller ANONYMOUS = new RestCaller(null, List.of(), Set.of());
  private static final String ENGINE = "default";

  static RestCaller of(HttpServletRequest request, IdentityService identity, WebappSessions sessions) {
    Authentication spring = SecurityContextHolder.getContext().getAuthentication();
    Optional<SignedIn> basic = SignedIn.of(spring);
    if (basic.isPresent()) {
      // Basic against Camunda's identity: the sign-in found the user's groups already.
      return caller(basic.get().userId(), basic.get().groups());
    }
    if (spring != null && spring.isAuthenticated() && !(spring instanceof AnonymousAuthenticationToken)) {
      // Single sign-on: the token names the registry person; the registry's groups count.
      return caller(spring.getName(), groupsOf(spring.getName(), identity));
    }
    HttpSession session = request.getSession(false);
    Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (webapp != null && webapp.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      UserAuthentication current = sessions.current(session, webapp, user);
      return current == null ? ANONYMOUS : caller(current.getName(), List.copyOf(current.getGroupIds()));
    }
    return ANONYMOUS;
  }

  private static RestCaller caller(String userId, List<String> groups) {
    return new RestCaller(userId, groups, ClientKind.of(Set.copyOf(groups)));
  }

  private static List<String> groupsOf(String userId, IdentityService identity) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toList());
  }

  boolean signedIn() {
    return userId != null;
  }
}
