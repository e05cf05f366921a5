package nl.signaalketen.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
    for (RoleAssignment a : applying(roleCode, gemeenteCode)) {
      users.add(a.personId());
      if (a.deputyId() != null) {
        users.add(a.deputyId());
      }
    }
    return users;
  }

  /** The people who hold the role for the gemeente today themselves: candidates without deputies. */
  public SortedSet<String> holders(String roleCode, String gemeenteCode) {
    return applying(roleCode, gemeenteCode).stream().map(RoleAssignment::personId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The assignments of the role that apply today to the gemeente, directly or through its ZVH. */
  private List<RoleAssignment> applying(String roleCode, String gemeenteCode) {
    if (roleCode == null || gemeenteCode == null) {
      return List.of();
    }
    List<String> scopes = new ArrayList<>(List.of(gemeenteCode));
    Optional<Organisation> gemeente = registry.organisation(gemeenteCode);
    gemeente.map(Organisation::servedByZvh).ifPresent(scopes::add);
    return registry.assignmentsApplying(roleCode, scopes, LocalDate.now(clock));
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
