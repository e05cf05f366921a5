package nl.signaalketen.sharing;

import org.camunda.bpm.engine.HistoryService;
import nl.signaalketen.network.IdentitySync;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Need-to-know for our own API (DOMAIN.md rule 2): who takes part in a case. For now a participant
 * is anyone who is or was offered or assigned a task of the case, in any of its phases (every
 * phase carries the case reference as business key); the privacy officer may see every case.
 */
@Component
public class CaseAccess {

  private final HistoryService history;
  private final IdentitySync identity;

  public CaseAccess(HistoryService history, IdentitySync identity) {
    this.history = history;
    this.identity = identity;
  }

  /** The signed-in user (HTTP Basic: the Camunda user id), or null. */
  public static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication.getName();
  }

  public boolean mayRead(String user, String casusId) {
    return user != null && (isPrivacyOfficer(user) || takesPart(user, casusId));
  }

  /**
   * One query over the identity-link history of every task of every process instance with this
   * business key: candidate and assignee links are both logged there, removed ones included.
   */
  public boolean takesPart(String user, String casusId) {
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(casusId)
        .taskInvolvedUser(user).count() > 0;
  }

  /** Role code = Camunda group id; asked on every call, so a role that ended no longer opens this. */
  public boolean isPrivacyOfficer(String user) {
    return identity.holdsRole(user, IdentitySync.PRIVACY_OFFICER);
  }
}
