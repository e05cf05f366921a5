package nl.signaalketen.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import nl.signaalketen.login.PasswordRules;
import nl.signaalketen.login.StartupRefusal;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The administrator manages the installation (registry, users, groups, authorizations,
 * deployments, incidents, jobs) but reads no case data. Camunda's camunda-admin group would let
 * its members pass every authorization check, variables included, so nobody is in it: the
 * administrators are in {@value #GROUP}, which holds exactly the rights below and no variable
 * permission. The first administrator comes from {@code signaalketen.admin} (in production the
 * environment); a member of camunda-admin from an earlier version is moved here at start-up.
 * <p>
 * Camunda's webapps send everyone to an open "create the first administrator" page while
 * camunda-admin has no member, so it has one: {@value #SEALED}, with a random password nobody
 * knows. The REST gate refuses every operation to members of camunda-admin and every change to
 * that group or that user.
 */
@Component
public class Administrators {

  public static final String GROUP = "functioneel-beheer";
  /** The only member of camunda-admin; cannot sign in. */
  public static final String SEALED = "camunda-admin-verzegeld";
  private static final String ANY = "*";
  private static final Logger LOG = LoggerFactory.getLogger(Administrators.class);

  private final IdentityService identity;
  private final Grants grants;
  private final String adminId;
  private final String adminPassword;

  public Administrators(IdentityService identity, Grants grants, @Value("${signaalketen.admin.id:}") String adminId,
      @Value("${signaalketen.admin.password:}") String adminPassword) {
    this.identity = identity;
    this.grants = grants;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(15)
  public void ensureAdministrators() {
    ensureGroup();
    if (!adminId.isBlank()) {
      ensureFirstAdministrator();
    }
    ensureSealedMember();
    for (User member : identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()) {
      if (SEALED.equals(member.getId())) {
        continue;
      }
      identity.deleteMembership(member.getId(), Groups.CAMUNDA_ADMIN);
      addToGroup(member.getId());
      LOG.info("User {} moved from {} to {}: the administrator reads no case data", member.getId(),
          Groups.CAMUNDA_ADMIN, GROUP);
    }
    grantRights();
  }

  private void ensureGroup() {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("Functioneel beheer");
      group.setType("beheer");
      identity.saveGroup(group);
    }
  }

  private void ensureSealedMember() {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda-beheer (verzegeld)");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(SEALED).count() == 0) {
      User sealed = identity.newUser(SEALED);
      sealed.setFirstName("Verzegeld");
      sealed.setLastName("(kan niet aanmelden)");
      byte[] secret = new byte[48];
      new SecureRandom().nextBytes(secret);
      sealed.setPassword(Base64.getEncoder().encodeToString(secret) + "aA1!");
      identity.saveUser(sealed);
    }
    if (identity.createUserQuery().userId(SEALED).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(SEALED, Groups.CAMUNDA_ADMIN);
    }
  }

  private void ensureFirstAdministrator() {
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      if (adminPassword.isBlank()) {
        throw new StartupRefusal("SIGNAALKETEN_ADMIN_PASSWORD (signaalketen.admin.password) is leeg:"
            + " de eerste beheerder heeft een wachtwoord nodig.", "Zet SIGNAALKETEN_ADMIN_PASSWORD en start opnieuw.");
      }
      User admin = identity.newUser(adminId);
      admin.setFirstName("Functioneel");
      admin.setLastName("Beheerder");
      PasswordPolicy policy = identity.getPasswordPolicy();
      List<String> broken = policy == null ? List.of() : PasswordRules.broken(identity, policy, adminPassword, admin);
      if (!broken.isEmpty()) {
        throw new StartupRefusal("SIGNAALKETEN_ADMIN_PASSWORD (signaalketen.admin.password) voldoet niet aan de"
            + " wachtwoordregels: " + String.join("; ", broken) + ".",
            "Kies een wachtwoord dat aan elke regel voldoet, zet SIGNAALKETEN_ADMIN_PASSWORD en start opnieuw.");
      }
      admin.setPassword(adminPassword);
      identity.saveUser(admin);
    }
    addToGroup(adminId);
  }

  private void addToGroup(String userId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(GROUP).count() == 0) {
      identity.createMembership(userId, GROUP);
    }
  }

  /** Installation management, and flow without content: no permission that reads a variable. */
  private void grantRights() {
    grants.toGroup(GROUP, Resources.APPLICATION, "admin", ACCESS);
    grants.toGroup(GROUP, Resources.APPLICATION, "cockpit", ACCESS);
    for (Resources resource : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.TENANT, Resources.TENANT_MEMBERSHIP, Resources.AUTHORIZATION, Resources.FILTER,
        Resources.DEPLOYMENT, Resources.BATCH, Resources.SYSTEM)) {
      grants.toGroup(GROUP, resource, ANY, ALL);
    }
    grants.toGroup(GROUP, Resources.PROCESS_DEFINITION, ANY, READ, ProcessDefinitionPermissions.UPDATE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND,
        ProcessDefinitionPermissions.SUSPEND_INSTANCE);
    grants.toGroup(GROUP, Resources.PROCESS_INSTANCE, ANY, READ, ProcessInstancePermissions.RETRY_JOB,
        ProcessInstancePermissions.SUSPEND);
    grants.toGroup(GROUP, Resources.DECISION_DEFINITION, ANY, READ);
    grants.toGroup(GROUP, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
  }
}
