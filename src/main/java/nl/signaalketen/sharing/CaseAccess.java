package nl.signaalketen.sharing;

import java.util.Objects;


import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.engine.EngineReads;
import nl.signaalketen.network.IdentitySync;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Need-to-know for our own API (DOMAIN.md rule 2): who takes part in a case. For now a participant
 * is anyone who is or was offered or assigned a task of the case, in any of its phases (every
 * phase carries the case reference as business key); the privacy officer sees the cases of the
 * gemeenten they hold the role for (directly or through the ZVH of the region), as in inzage.
 */
@Component
public class CaseAccess {

  private final HistoryService history;
  private final IdentitySync identity;
  private final CandidateResolver resolver;
  private final EngineReads reads;

  public CaseAccess(HistoryService history, IdentitySync identity, CandidateResolver resolver, EngineReads reads) {
    this.history = history;
    this.identity = identity;
    this.resolver = resolver;
    this.reads = reads;
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
    return user != null && (answersFor(user, casusId) || takesPart(user, casusId));
  }

  /** Whether the user is the privacy officer of this case's gemeente (or of its region). */
  public boolean answersFor(String user, String casusId) {
    String gemeente = gemeenteOf(casusId);
    return gemeente != null && resolver.candidates(IdentitySync.PRIVACY_OFFICER, gemeente).contains(user);
  }

  /** The gemeente a case belongs to: the variable of its phases' history, read as the engine. */
  String gemeenteOf(String casusId) {
    return reads.unrestricted(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(casusId)
        .list().stream().map(HistoricProcessInstance::getId)
        .map(id -> reads.historicValue(id, CaseVariables.GEMEENTE)).filter(Objects::nonNull).findFirst().orElse(null));
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
