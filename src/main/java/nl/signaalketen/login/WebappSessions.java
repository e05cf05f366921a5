package nl.signaalketen.login;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Tasklist and Cockpit keep a user's groups in the session for minutes, and a task is opened by
 * the group of its role for the gemeente: a role that ended must close it at the next request, as
 * it does for Basic. When the user's identity changed on this node since the session last looked,
 * the session's sign-in is read again (groups, tenants, apps), as Camunda itself does when its
 * cache expires. Other nodes notice within Camunda's webapp cache time.
 */
@Component
public class WebappSessions {

  private static final String SEEN = WebappSessions.class.getName() + ".identityVersion";

  private final RememberedLogins logins;

  WebappSessions(RememberedLogins logins) {
    this.logins = logins;
  }

  /** The session's sign-in for this engine, current; null when the user no longer exists. */
  public UserAuthentication current(HttpSession session, Authentications signedIn, UserAuthentication user) {
    long version = logins.versionOf(user.getName());
    synchronized (WebUtils.getSessionMutex(session)) {
      if (session.getAttribute(SEEN) instanceof Long seen && seen == version) {
        return user;
      }
      UserAuthentication fresh = AuthenticationUtil.createAuthentication(user.getProcessEngineName(), user.getName());
      if (fresh == null) {
        signedIn.removeByEngineName(user.getProcessEngineName());
      } else {
        fresh.setCacheValidationTime(user.getCacheValidationTime());
        signedIn.addOrReplace(fresh);
      }
      AuthenticationUtil.updateSession(session, signedIn);
      session.setAttribute(SEEN, version);
      return fresh;
    }
  }
}
