package nl.signaalketen.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import nl.signaalketen.network.NetworkRepository;
import nl.signaalketen.network.Organisation;
import nl.signaalketen.network.RoleAssignment;
import org.springframework.stereotype.Component;

/**
 * Who performs a task: the people whose assignment of the task's role applies today to the case's
 * gemeente, either directly or through the ZVH whose region the gemeente belongs to, plus the
 * deputies those assignments name.
 */
@Component
public class CandidateResolver {

  private final NetworkRepository registry;
  private final Clock clock;

  public CandidateResolver(NetworkRepository registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  public SortedSet<String> candidates(String roleCode, String gemeenteCode) {
    SortedSet<String> users = new TreeSet<>();
    if (roleCode == null || gemeenteCode == null) {
      return users;
    }
    List<String> scopes = new ArrayList<>(List.of(gemeenteCode));
    Optional<Organisation> gemeente = registry.organisation(gemeenteCode);
    gemeente.map(Organisation::servedByZvh).ifPresent(scopes::add);
    for (RoleAssignment a : registry.assignmentsApplying(roleCode, scopes, LocalDate.now(clock))) {
      users.add(a.personId());
      if (a.deputyId() != null) {
        users.add(a.deputyId());
      }
    }
    return users;
  }

  /** Names for messages people read: "Adviseur radicalisering", "Gemeente Leiden". */
  public String roleName(String roleCode) {
    return registry.role(roleCode).map(r -> r.name()).orElse(roleCode);
  }

  public String organisationName(String code) {
    return code == null ? "(geen gemeente)"
        : registry.organisation(code).map(Organisation::name).orElse(code);
  }
}
