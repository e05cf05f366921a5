package nl.signaalketen.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.UUID;

import nl.signaalketen.network.NetworkInput.NewPerson;
import nl.signaalketen.network.NetworkService;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A remembered Basic sign-in saves the password check, and never outlives what it stands for: a
 * wrong password, a new password, a role that starts or ends, a deleted user take effect on the
 * next request. Camunda's password manager is spied on (in the shared engine, restored after each
 * test) to count the checks.
 */
@IntegrationTest
class RememberedLoginTest {

  private static final String PASSWORD = "Eerste-wachtwoord-1";
  private static final String VERSION = "/engine-rest/version";
  /** Cockpit's incident count: for managers only, a kind the gate takes from the groups. */
  private static final String MANAGERS_ONLY = "/engine-rest/incident/count";
  private static final String ASSIGNMENTS = "/api/network/assignments";

  @Autowired TestRestTemplate http;
  @Autowired NetworkService network;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired CamundaIdentityAuthenticationProvider signIn;

  private ProcessEngineConfigurationImpl configuration;
  private PasswordManager original;
  private PasswordManager checks;
  private int maxAttempts;

  @BeforeEach
  void spyOnPasswordChecks() {
    configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    original = configuration.getPasswordManager();
    maxAttempts = configuration.getLoginMaxAttempts();
    checks = spy(original);
    configuration.setPasswordManager(checks);
  }

  @AfterEach
  void restore() {
    configuration.setPasswordManager(original);
    configuration.setLoginMaxAttempts(maxAttempts);
  }

  @Test
  void repeatedRequestsDoNotCheckThePasswordAgain() {
    Rest user = Rest.as(http, newProfessional(), PASSWORD);
    clearInvocations(checks);

    for (int i = 0; i < 4; i++) {
      assertThat(user.get(VERSION).getStatusCode().value()).isEqualTo(200);
    }

    verify(checks, times(1)).check(any(), any());
  }

  @Test
  void aWrongPasswordIsRefusedRightAfterTheRightOneWasRememberedAndLocksTheUser() {
    String id = newProfessional();
    assertThat(Rest.as(http, id, PASSWORD).get(VERSION).getStatusCode().value()).isEqualTo(200);
    // One failed attempt locks for good, so the lock does not depend on how fast the next call is.
    configuration.setLoginMaxAttempts(1);
    clearInvocations(checks);

    assertThat(Rest.as(http, id, "Geraden-wachtwoord-1").get(VERSION).getStatusCode().value()).isEqualTo(401);
    verify(checks, times(1)).check(any(), any());

    // The remembered sign-in went with the failed attempt: Camunda's lock holds.
    assertThat(Rest.as(http, id, PASSWORD).get(VERSION).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aChangedPasswordTakesEffectAtOnce() {
    String id = newProfessional();
    Rest old = Rest.as(http, id, PASSWORD);
    assertThat(old.get(VERSION).getStatusCode().value()).isEqualTo(200);

    String changed = "Tweede-wachtwoord-2";
    assertThat(old.send(HttpMethod.PUT, "/engine-rest/user/" + id + "/credentials",
        Map.of("password", changed, "authenticatedUserPassword", PASSWORD)).getStatusCode().value())
        .isEqualTo(204);

    assertThat(Rest.as(http, id, changed).get(VERSION).getStatusCode().value()).isEqualTo(200);
    assertThat(old.get(VERSION).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aRoleTakesEffectAtOnceWhenItStartsAndWhenItEnds() {
    String id = newProfessional();
    Rest user = Rest.as(http, id, PASSWORD);
    Rest admin = Rest.as(http, Rest.ADMIN);
    assertThat(user.get(MANAGERS_ONLY).getStatusCode().value()).isEqualTo(403);

    var assigned = admin.send(HttpMethod.POST, ASSIGNMENTS,
        Map.of("personId", id, "roleCode", "ketenmanager", "scopeCode", "zvh-hollands-midden"));
    assertThat(assigned.getStatusCode().value()).isEqualTo(201);
    assertThat(user.get(MANAGERS_ONLY).getStatusCode().value()).isEqualTo(200);

    assertThat(admin.send(HttpMethod.POST, ASSIGNMENTS + "/" + assigned.getBody().get("id") + "/end", Map.of())
        .getStatusCode().value()).isEqualTo(200);
    assertThat(user.get(MANAGERS_ONLY).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aUserDeletedThroughTheApiIsRefusedAtOnce() {
    String id = newProfessional();
    Rest user = Rest.as(http, id, PASSWORD);
    assertThat(user.get(VERSION).getStatusCode().value()).isEqualTo(200);

    assertThat(Rest.as(http, Rest.ADMIN).send(HttpMethod.DELETE, "/engine-rest/user/" + id, null)
        .getStatusCode().value()).isEqualTo(204);

    assertThat(user.get(VERSION).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aTenantTheUserJoinsIsInTheirNextSignInThoughSignInsSkipTheLookupWhileThereAreNoTenants() {
    String id = newProfessional();
    assertThat(signedIn(id).tenants()).isEmpty();
    String tenant = "proef-" + UUID.randomUUID().toString().substring(0, 8);

    identity.saveTenant(identity.newTenant(tenant));
    identity.createTenantUserMembership(tenant, id);
    try {
      assertThat(signedIn(id).tenants()).containsExactly(tenant);
    } finally {
      identity.deleteTenant(tenant);
    }
    assertThat(signedIn(id).tenants()).isEmpty();
  }

  private SignedIn signedIn(String id) {
    return (SignedIn) signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, PASSWORD))
        .getPrincipal();
  }

  /** A registry person of its own, with a password: a failed attempt locks no one other tests use. */
  private String newProfessional() {
    String id = "aanmelder-" + UUID.randomUUID().toString().substring(0, 8);
    network.addPerson(new NewPerson(id, "Test Aanmelder", id + "@example.org", "gemeente-leiden"), PASSWORD);
    return id;
  }
}
