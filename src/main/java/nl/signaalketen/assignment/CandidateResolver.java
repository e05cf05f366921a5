package nl.signaalketen.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.signaalketen.network.IdentitySync;
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
    return offer(roleCode, gemeenteCode).candidates();
  }

  /**
   * To whom a task of this role for this gemeente goes: the groups it is shared with (the role for
   * the gemeente and for the ZVH of its region, whether or not anybody holds them now, so a later
   * assignment in either scope opens the task without touching it) and the people who hold the role
   * there today, with their deputies. One read of the registry for both.
   */
  public Offer offer(String roleCode, String gemeenteCode) {
    if (roleCode == null || gemeenteCode == null) {
      return new Offer(List.of(), new TreeSet<>());
    }
    List<String> scopes = scopes(gemeenteCode);
    SortedSet<String> users = new TreeSet<>();
    for (RoleAssignment a : registry.assignmentsApplying(roleCode, scopes, LocalDate.now(clock))) {
      users.add(a.personId());
      if (a.deputyId() != null) {
        users.add(a.deputyId());
      }
    }
    return new Offer(scopes.stream().map(scope -> IdentitySync.scopedGroup(roleCode, scope)).toList(), users);
  }

  /** The candidate groups of a task and its candidate users. */
  public record Offer(List<String> groups, SortedSet<String> candidates) {}

  /** The people who hold the role for the gemeente today themselves: candidates without deputies. */
  public SortedSet<String> holders(String roleCode, String gemeenteCode) {
    return applying(roleCode, gemeenteCode).stream().map(RoleAssignment::personId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<String> scopes(String gemeenteCode) {
    List<String> scopes = new ArrayList<>(List.of(gemeenteCode));
    registry.organisation(gemeenteCode).map(Organisation::servedByZvh).ifPresent(scopes::add);
    return scopes;
  }

  /** The assignments of the role that apply today to the gemeente, directly or through its ZVH. */
  private List<RoleAssignment> applying(String roleCode, String gemeenteCode) {
    if (roleCode == null || gemeenteCode == null) {
      return List.of();
    }
    return registry.assignmentsApplying(roleCode, scopes(gemeenteCode), LocalDate.now(clock));
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
