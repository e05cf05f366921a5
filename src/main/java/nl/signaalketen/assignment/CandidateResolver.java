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
import nl.signaalketen.network.NetworkRepository.ScopedAssignments;
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
    ScopedAssignments applying = applying(List.of(roleCode), gemeenteCode);
    List<String> scopes = new ArrayList<>(List.of(gemeenteCode));
    applying.zvh().ifPresent(scopes::add);
    return new Offer(scopes.stream().map(scope -> IdentitySync.scopedGroup(roleCode, scope)).toList(),
        withDeputies(applying.assignments()));
  }

  /** The people who hold any of these roles for the gemeente today, with their deputies. */
  public SortedSet<String> candidatesForAny(List<String> roleCodes, String gemeenteCode) {
    return gemeenteCode == null ? new TreeSet<>()
        : withDeputies(applying(roleCodes, gemeenteCode).assignments());
  }

  private static SortedSet<String> withDeputies(List<RoleAssignment> assignments) {
    SortedSet<String> users = new TreeSet<>();
    for (RoleAssignment a : assignments) {
      users.add(a.personId());
      if (a.deputyId() != null) {
        users.add(a.deputyId());
      }
    }
    return users;
  }

  /** The candidate groups of a task and its candidate users. */
  public record Offer(List<String> groups, SortedSet<String> candidates) {}

  /** The people who hold the role for the gemeente today themselves: candidates without deputies. */
  public SortedSet<String> holders(String roleCode, String gemeenteCode) {
    if (roleCode == null || gemeenteCode == null) {
      return new TreeSet<>();
    }
    return applying(List.of(roleCode), gemeenteCode).assignments().stream().map(RoleAssignment::personId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The assignments of the roles that apply today to the gemeente, directly or through its ZVH. */
  private ScopedAssignments applying(List<String> roleCodes, String gemeenteCode) {
    return registry.assignmentsApplyingTo(roleCodes, gemeenteCode, LocalDate.now(clock));
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
