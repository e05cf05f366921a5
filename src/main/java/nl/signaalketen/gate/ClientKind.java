package nl.signaalketen.gate;

import java.util.EnumSet;
import java.util.Set;

import nl.signaalketen.network.IdentitySync;
import org.camunda.bpm.engine.authorization.Groups;
import nl.signaalketen.security.Administrators;
import nl.signaalketen.security.CamundaAuthorizations;

/** The kinds of signed-in user the REST surface distinguishes, by the Camunda groups they are in. */
enum ClientKind {
  /** Anyone in the registry: works the tasks offered to them, starts what their role may start. */
  PROFESSIONAL,
  /** Watches flow, counts and lead times in Cockpit; reads no case data. */
  MANAGER,
  /** Manages the installation; reads no case data. */
  ADMINISTRATOR;

  static final Set<ClientKind> ALL = EnumSet.allOf(ClientKind.class);

  /** Camunda's camunda-admin passes every authorization check: its members get no operation at all. */
  static Set<ClientKind> of(Set<String> groups) {
    Set<ClientKind> kinds = EnumSet.noneOf(ClientKind.class);
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return kinds;
    }
    if (groups.contains(IdentitySync.ALL_PROFESSIONALS)) {
      kinds.add(PROFESSIONAL);
    }
    if (groups.contains(CamundaAuthorizations.MANAGER_ROLE)) {
      kinds.add(MANAGER);
    }
    if (groups.contains(Administrators.GROUP)) {
      kinds.add(ADMINISTRATOR);
    }
    return kinds;
  }
}
