package nl.signaalketen.gate;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import nl.signaalketen.login.PasswordRules;
import nl.signaalketen.network.IdentitySync;
import nl.signaalketen.security.Administrators;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What the gate checks of the administrator's changes: the administrator manages the installation
 * but gives nobody (himself included) a way into case data, and leaves alone what the registry and
 * the chain keep themselves.
 */
@Component
class AdminChecks {

  /**
   * Resource types whose rights open cases, tasks or decisions. Who may see and work a case
   * follows from the tasks the chain offers and the registry's roles, never from a grant by hand.
   */
  static final Set<Integer> CASE_RESOURCES = Set.of(Resources.PROCESS_DEFINITION.resourceType(),
      Resources.PROCESS_INSTANCE.resourceType(), Resources.TASK.resourceType(),
      Resources.HISTORIC_TASK.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
      Resources.DECISION_DEFINITION.resourceType(), Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType(),
      Resources.BATCH.resourceType());
  private static final Set<String> REGISTRY_GROUP_TYPES = IdentitySync.REGISTRY_GROUP_TYPES;

  private final ProcessEngine engine;
  private final IdentitySync registryGroups;

  AdminChecks(ProcessEngine engine, IdentitySync registryGroups) {
    this.engine = engine;
    this.registryGroups = registryGroups;
  }

  /**
   * A grant or global grant, created or changed: none on cases, tasks or decisions. No new
   * revocation: without any, the engine skips its per-command search for them
   * (nl.signaalketen.security.RevokeChecks).
   */
  void grant(byte[] body, String id) {
    boolean create = id == null;
    JsonNode grant = JsonBodies.parse(body);
    JsonNode resourceType = grant.path("resourceType");
    if (!resourceType.canConvertToInt()) {
      throw Refusal.badRequest("resourceType: geef het soort bron (een getal).");
    }
    if (CASE_RESOURCES.contains(resourceType.asInt())) {
      throw Refusal.forbidden("Rechten op zaken, taken en beslissingen geeft de keten zelf, aan wie een taak"
          + " krijgt of een rol in het netwerkregister heeft; ze worden niet met de hand toegekend.");
    }
    if (create && grant.path("type").asInt(Authorization.AUTH_TYPE_GRANT) == Authorization.AUTH_TYPE_REVOKE) {
      throw Refusal.forbidden("type: intrekkingen (REVOKE) worden niet gebruikt; wie iets niet mag, krijgt er"
          + " geen recht op. Neem een bestaand recht weg of beperk het.");
    }
    if (exists(grant, id)) {
      throw new Refusal(409, "Dit recht bestaat al voor deze gebruiker of groep; wijzig het bestaande.");
    }
  }

  /**
   * A grant on cases, tasks or decisions stays as the chain gave it: Tasklist's lists of one's own
   * work count on every offered task carrying its group's grant (nl.signaalketen.security.AuthorizedGroups).
   */
  void ungrant(String id) {
    Authorization grant = engine.getAuthorizationService().createAuthorizationQuery().authorizationId(id).singleResult();
    if (grant != null && CASE_RESOURCES.contains(grant.getResourceType())) {
      throw Refusal.forbidden("Rechten op zaken, taken en beslissingen gaan mee met de taak en de rol in het"
          + " netwerkregister; beëindig de rol daar (/api/network/assignments), niet het recht met de hand.");
    }
  }

  /** Another authorization with the same type, user or group and resource (the database allows one). */
  private boolean exists(JsonNode grant, String id) {
    Authorization changed = id == null ? null
        : engine.getAuthorizationService().createAuthorizationQuery().authorizationId(id).singleResult();
    int type = changed != null ? changed.getAuthorizationType() : grant.path("type").asInt(1);
    var query = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(type).resourceType(grant.path("resourceType").asInt())
        .resourceId(grant.path("resourceId").asText("*"));
    String user = grant.path("userId").asText(null);
    String group = grant.path("groupId").asText(null);
    if (user != null) {
      query.userIdIn(user);
    } else if (group != null) {
      query.groupIdIn(group);
    }
    return (user != null || group != null) && query.list().stream().anyMatch(a -> !a.getId().equals(id));
  }

  /** Neither camunda-admin nor its sealed member: their rights pass every authorization check. */
  void notSealed(String... ids) {
    for (String id : ids) {
      if (Groups.CAMUNDA_ADMIN.equals(id) || Administrators.SEALED.equals(id)) {
        throw Refusal.forbidden(id + " is verzegeld: wie daarin zit, passeert elke rechtencontrole.");
      }
    }
  }

  /** A group or its members: one that exists, not sealed, and not one the registry keeps. */
  void membership(String groupId, String userId) {
    notSealed(groupId, userId);
    Group group = engine.getIdentityService().createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      throw Refusal.notFound("De groep " + groupId + " bestaat niet.");
    }
    if (group.getType() != null && REGISTRY_GROUP_TYPES.contains(group.getType())) {
      throw Refusal.forbidden("Wie in " + groupId + " zit, volgt uit het netwerkregister: geef of beëindig daar de"
          + " rol (/api/network/assignments).");
    }
  }

  /** A new group: not one whose id or type the registry keeps (it would receive that role's tasks). */
  void newGroup(byte[] body) {
    JsonNode group = JsonBodies.parse(body);
    String id = group.path("id").asText(null);
    if (registryGroups.keeps(id) || REGISTRY_GROUP_TYPES.contains(group.path("type").asText(""))) {
      throw Refusal.forbidden("id: de groep " + id + " houdt het netwerkregister bij (een rol, of een rol voor een"
          + " gemeente of ZVH); wie erin zit, volgt uit de roltoewijzingen (/api/network/assignments).");
    }
  }

  /** A filter: no "variables" to show in the task list. */
  void filter(byte[] body) {
    JsonNode variables = JsonBodies.parse(body).path("properties").path("variables");
    if (variables.isArray() && !variables.isEmpty()) {
      throw Refusal.forbidden("properties.variables: een filter toont geen variabelen in de takenlijst;"
          + " wat een taak mag lezen, staat in haar formulier.");
    }
  }

  /**
   * A new password (the administrator's, or a user's own change) that breaks the installation's
   * password policy: refused naming the rules. Camunda itself would refuse it with a 500.
   */
  void newPassword(byte[] body, String userId) {
    IdentityService identity = engine.getIdentityService();
    PasswordPolicy policy = identity.getPasswordPolicy();
    JsonNode password = JsonBodies.parse(body).get("password");
    if (policy == null || password == null || !password.isTextual()) {
      return; // no policy here, or Camunda answers the malformed body itself
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<String> broken = PasswordRules.broken(identity, policy, password.asText(), user);
    if (!broken.isEmpty()) {
      throw Refusal.badRequest("password: voldoet niet aan de wachtwoordregels: " + String.join("; ", broken) + ".");
    }
  }
}
