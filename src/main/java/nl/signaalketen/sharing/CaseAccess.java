package nl.signaalketen.sharing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.engine.EngineReads;
import nl.signaalketen.network.IdentitySync;
import org.camunda.bpm.engine.HistoryService;
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
    return !answeredFor(user, List.of(casusId)).isEmpty();
  }

  /**
   * The cases among these that the user answers for as privacy officer. The holders are asked
   * once per gemeente, and the cases' gemeenten come in two history queries per thousand cases.
   */
  public Set<String> answeredFor(String user, Collection<String> casusIds) {
    Map<String, Boolean> byGemeente = new HashMap<>();
    Set<String> answered = new HashSet<>();
    gemeenten(casusIds).forEach((casus, gemeente) -> {
      if (byGemeente.computeIfAbsent(gemeente,
          g -> resolver.candidates(IdentitySync.PRIVACY_OFFICER, g).contains(user))) {
        answered.add(casus);
      }
    });
    return answered;
  }

  /** The gemeente of each case: the variable its phases' history holds, read as the engine. */
  Map<String, String> gemeenten(Collection<String> casusIds) {
    Map<String, String> gemeenten = new HashMap<>();
    List<String> all = List.copyOf(new HashSet<>(casusIds));
    for (int from = 0; from < all.size(); from += CHUNK) {
      String[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(String[]::new);
      reads.unrestricted(() -> {
        Map<String, String> caseOfInstance = new HashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(chunk).list()
            .forEach(p -> caseOfInstance.put(p.getId(), p.getBusinessKey()));
        if (!caseOfInstance.isEmpty()) {
          history.createHistoricVariableInstanceQuery().variableName(CaseVariables.GEMEENTE)
              .processInstanceIdIn(caseOfInstance.keySet().toArray(String[]::new)).list().stream()
              .filter(v -> v.getValue() != null)
              .forEach(v -> gemeenten.putIfAbsent(caseOfInstance.get(v.getProcessInstanceId()), v.getValue().toString()));
        }
        return null;
      });
    }
    return gemeenten;
  }

  /** Ids per IN list: well below what every database takes in one statement. */
  private static final int CHUNK = 1000;

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
