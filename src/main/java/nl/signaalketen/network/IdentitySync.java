package nl.signaalketen.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the registry into Camunda's identity: each person is a user, each role a group whose
 * members are the people (and their deputies) holding it today, and everyone is in
 * {@link #ALL_PROFESSIONALS}. Camunda's own users (the administrator) are left alone.
 */
@Component
public class IdentitySync {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

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
  private final MirrorState mirror;
  private final UserMirror users;
  private final GroupMirror groups;

  IdentitySync(IdentityService identity, NetworkRepository repository, MirrorState mirror, UserMirror users,
      GroupMirror groups) {
    this.identity = identity;
    this.repository = repository;
    this.mirror = mirror;
    this.users = users;
    this.groups = groups;
  }

  /**
   * Start-up, and every night ({@link NightlyIdentitySync}), because assignments start and end by date. Loads the registry once
   * and hands each role its own assignments, instead of a query per role; skipped when this
   * registry was already mirrored today ({@link MirrorState}).
   */
  @Transactional
  public void syncAll() {
    long started = System.nanoTime();
    List<Person> people = repository.people();
    List<RoleAssignment> assignments = repository.assignments();
    List<Role> roles = repository.roles();
    List<Organisation> organisations = repository.organisations();
    String fingerprint = mirror.fingerprint(people, assignments, roles, organisations);
    if (mirror.mirrored(fingerprint)) {
      LOG.info("Registry unchanged since it was last mirrored into Camunda's identity today; nothing to do");
      return;
    }
    ensureAllProfessionalsGroup();
    users.syncAll(people);
    Map<String, List<RoleAssignment>> byRole = assignments.stream()
        .collect(Collectors.groupingBy(RoleAssignment::roleCode));
    Map<String, String> names = organisations.stream().collect(Collectors.toMap(Organisation::code, Organisation::name));
    roles.forEach(r -> groups.syncRoleGroup(r, byRole.getOrDefault(r.code(), List.of()), names));
    mirror.record(fingerprint);
    LOG.info("Registry mirrored into Camunda's identity: {} people, {} roles in {} ms", people.size(), roles.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Creates or refreshes the user; the password is only set when the user is new. */
  public void syncPerson(Person person, String initialPassword) {
    // Also called before the first syncAll (the demo network adds people at start-up).
    ensureAllProfessionalsGroup();
    users.sync(person, initialPassword);
  }

  /** Group membership = the holders and deputies of assignments of this role that apply today. */
  public void syncRoleGroup(String roleCode) {
    groups.syncRoleGroup(repository.role(roleCode).orElseThrow(), repository.assignmentsOf(roleCode), null);
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
    groups.ensureGroup(ALL_PROFESSIONALS, "Professionals in de signaalketen", "signaalketen");
  }
}
