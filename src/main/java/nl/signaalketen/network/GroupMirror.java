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
import org.springframework.stereotype.Component;

/** The registry's roles as Camunda groups: one per role, and one per role and scope, with today's holders. */
@Component
class GroupMirror {

  private final IdentityService identity;
  private final NetworkRepository repository;
  private final Clock clock;

  GroupMirror(IdentityService identity, NetworkRepository repository, Clock clock) {
    this.identity = identity;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * {@code assignments}: those of this role (any date); only the ones that apply today count.
   * {@code names}: organisation names by code, or null to look each scope up.
   */
  void syncRoleGroup(Role role, List<RoleAssignment> assignments, Map<String, String> names) {
    String roleCode = role.code();
    ensureGroup(roleCode, role.name(), IdentitySync.ROLE_GROUP_TYPE);
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
    syncScopedGroups(role, assignments, today, names);
  }

  /** One group per scope the role was ever assigned in; emptied, not removed, when nobody holds it. */
  private void syncScopedGroups(Role role, List<RoleAssignment> assignments, LocalDate today,
      Map<String, String> names) {
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
        .groupIdIn(wantedByScope.keySet().stream().map(s -> IdentitySync.scopedGroup(role.code(), s)).toArray(String[]::new))
        .list().stream().collect(Collectors.toMap(Group::getId, g -> g));
    wantedByScope.forEach((scope, wanted) -> {
      String groupId = IdentitySync.scopedGroup(role.code(), scope);
      String organisation = names != null ? names.getOrDefault(scope, scope)
          : repository.organisation(scope).map(Organisation::name).orElse(scope);
      String name = role.name() + " voor " + organisation;
      Group group = existing.get(groupId);
      if (group == null || !name.equals(group.getName()) || !IdentitySync.SCOPED_ROLE_GROUP_TYPE.equals(group.getType())) {
        ensureGroup(groupId, name, IdentitySync.SCOPED_ROLE_GROUP_TYPE);
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

  void ensureGroup(String id, String name, String type) {
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
