package nl.signaalketen.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the registry into Camunda's identity: each person is a user, each role a group whose
 * members are the people (and their deputies) holding it today, and everyone is in
 * {@link #ALL_PROFESSIONALS}. Camunda's own users (the administrator) are left alone.
 */
@Component
public class IdentitySync {

  /** Every professional in the registry; carries the rights all of them share (Tasklist, filters). */
  public static final String ALL_PROFESSIONALS = "signaalketen";
  static final String ROLE_GROUP_TYPE = "netwerkrol";
  /** A role in one scope (a gemeente, or a ZVH for its region): what a task's access is granted to. */
  static final String SCOPED_ROLE_GROUP_TYPE = "netwerkrol-gebied";
  /** The group types the registry keeps: nobody edits these groups or their members by hand. */
  public static final Set<String> REGISTRY_GROUP_TYPES = Set.of(ALL_PROFESSIONALS, ROLE_GROUP_TYPE, SCOPED_ROLE_GROUP_TYPE);
  /** The role that answers for privacy: the sharing register export and inzage. */
  public static final String PRIVACY_OFFICER = "privacyfunctionaris";

  private final IdentityService identity;
  private final NetworkRepository repository;
  private final Clock clock;

  public IdentitySync(IdentityService identity, NetworkRepository repository, Clock clock) {
    this.identity = identity;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Start-up, and every night, because assignments start and end by date. Loads the assignments
   * once and hands each role its own, instead of a query (and a full scan) per role.
   */
  @Scheduled(cron = "0 5 0 * * *")
  @Transactional
  public void syncAll() {
    ensureAllProfessionalsGroup();
    repository.people().forEach(p -> syncUser(p, null));
    Map<String, List<RoleAssignment>> byRole = repository.assignments().stream()
        .collect(Collectors.groupingBy(RoleAssignment::roleCode));
    repository.roles().forEach(r -> syncRoleGroup(r, byRole.getOrDefault(r.code(), List.of())));
  }

  /** Creates or refreshes the user; the password is only set when the user is new. */
  public void syncPerson(Person person, String initialPassword) {
    // Also called before the first syncAll (the demo network adds people at start-up).
    ensureAllProfessionalsGroup();
    syncUser(person, initialPassword);
  }

  /** Group membership = the holders and deputies of assignments of this role that apply today. */
  public void syncRoleGroup(String roleCode) {
    syncRoleGroup(repository.role(roleCode).orElseThrow(), repository.assignmentsOf(roleCode));
  }

  /**
   * The group of the people who hold a role for one scope today (and their deputies). A task is
   * shared with the groups of its role for the case's gemeente and its ZVH, one grant each, instead
   * of a grant per person: access follows the registry at once, in O(1) rows per task.
   */
  public static String scopedGroup(String roleCode, String scopeCode) {
    return roleCode + "." + scopeCode;
  }

  /**
   * Whether the registry keeps (or will make) a group of this id: all professionals, a role, or a
   * role in a scope. Such a group may exist only through the registry: a task of that role is
   * shared with it before anybody holds the role there.
   */
  public boolean keeps(String groupId) {
    if (groupId == null) {
      return false;
    }
    int dot = groupId.indexOf('.');
    String role = dot < 0 ? groupId : groupId.substring(0, dot);
    return ALL_PROFESSIONALS.equals(groupId) || repository.role(role).isPresent();
  }

  private void syncUser(Person person, String initialPassword) {
    User user = identity.createUserQuery().userId(person.id()).singleResult();
    boolean isNew = user == null;
    if (isNew) {
      user = identity.newUser(person.id());
    }
    int space = person.name().indexOf(' ');
    String first = space < 0 ? person.name() : person.name().substring(0, space);
    String last = space < 0 ? "" : person.name().substring(space + 1);
    if (isNew || !first.equals(user.getFirstName()) || !last.equals(user.getLastName())
        || !person.email().equals(user.getEmail())) {
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(person.email());
      if (isNew && initialPassword != null && !initialPassword.isEmpty()) {
        user.setPassword(initialPassword);
      }
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(person.id()).memberOfGroup(ALL_PROFESSIONALS).count() == 0) {
      identity.createMembership(person.id(), ALL_PROFESSIONALS);
    }
  }

  /** {@code assignments}: those of this role (any date); only the ones that apply today count. */
  private void syncRoleGroup(Role role, List<RoleAssignment> assignments) {
    String roleCode = role.code();
    ensureGroup(roleCode, role.name(), ROLE_GROUP_TYPE);
    LocalDate today = LocalDate.now(clock);
    Set<String> wanted = new HashSet<>();
    for (RoleAssignment a : assignments) {
      if (a.appliesOn(today)) {
        wanted.add(a.personId());
        if (a.deputyId() != null) {
          wanted.add(a.deputyId());
        }
      }
    }
    syncMembers(roleCode, wanted);
    syncScopedGroups(role, assignments, today);
  }

  /** One group per scope the role was ever assigned in; emptied, not removed, when nobody holds it. */
  private void syncScopedGroups(Role role, List<RoleAssignment> assignments, LocalDate today) {
    Map<String, Set<String>> wantedByScope = new HashMap<>();
    for (RoleAssignment a : assignments) {
      Set<String> wanted = wantedByScope.computeIfAbsent(a.scopeCode(), s -> new HashSet<>());
      if (a.appliesOn(today)) {
        wanted.add(a.personId());
        if (a.deputyId() != null) {
          wanted.add(a.deputyId());
        }
      }
    }
    if (wantedByScope.isEmpty()) {
      return;
    }
    Map<String, Group> existing = identity.createGroupQuery()
        .groupIdIn(wantedByScope.keySet().stream().map(s -> scopedGroup(role.code(), s)).toArray(String[]::new))
        .list().stream().collect(Collectors.toMap(Group::getId, g -> g));
    wantedByScope.forEach((scope, wanted) -> {
      String groupId = scopedGroup(role.code(), scope);
      String name = role.name() + " voor " + repository.organisation(scope).map(Organisation::name).orElse(scope);
      Group group = existing.get(groupId);
      if (group == null || !name.equals(group.getName()) || !SCOPED_ROLE_GROUP_TYPE.equals(group.getType())) {
        ensureGroup(groupId, name, SCOPED_ROLE_GROUP_TYPE);
      }
      syncMembers(groupId, wanted);
    });
  }

  private void syncMembers(String groupId, Set<String> wanted) {
    List<User> members = identity.createUserQuery().memberOfGroup(groupId).list();
    Set<String> current = members.stream().map(User::getId).collect(Collectors.toSet());
    current.stream().filter(id -> !wanted.contains(id))
        .forEach(id -> identity.deleteMembership(id, groupId));
    wanted.stream().filter(id -> !current.contains(id))
        .forEach(id -> identity.createMembership(id, groupId));
  }

  /** Whether a Camunda user of this id exists that the registry did not make (an administrator). */
  public boolean isUserOutsideTheRegistry(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(ALL_PROFESSIONALS).count() == 0;
  }

  /**
   * Whether the user holds the role today: its group has the holders of assignments that apply
   * today, asked on every call so an ended assignment no longer opens anything.
   */
  public boolean holdsRole(String userId, String roleCode) {
    return userId != null
        && identity.createUserQuery().userId(userId).memberOfGroup(roleCode).count() > 0;
  }

  private void ensureAllProfessionalsGroup() {
    ensureGroup(ALL_PROFESSIONALS, "Professionals in de signaalketen", "signaalketen");
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }
}
