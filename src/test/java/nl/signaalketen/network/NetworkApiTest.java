package nl.signaalketen.network;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static nl.signaalketen.testsupport.Cases.openTask;
import static nl.signaalketen.testsupport.Cases.startAtDuiding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.assignment.UnownedTaskIncidents;
import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The registry API as the administrator and professionals use it. Each test works in a gemeente of
 * its own (made in setUp), so the demo network stays as it was for the other tests.
 */
@IntegrationTest
class NetworkApiTest {

  private static final String ASSIGNMENTS = "/api/network/assignments";

  @Autowired TestRestTemplate http;
  @Autowired NetworkService network;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private String gemeente;
  private Rest admin;

  @BeforeEach
  void aGemeenteOfItsOwnInTheRegionOfHollandsMidden() {
    gemeente = "gemeente-test-" + UUID.randomUUID().toString().substring(0, 8);
    network.addOrganisation(new NewOrganisation(gemeente, "Gemeente Teststad", OrganisationType.GEMEENTE,
        "zvh-hollands-midden"));
    admin = Rest.as(http, Rest.ADMIN);
  }

  @Test
  void aSignedInProfessionalReadsOrganisationsRolesPeopleAndAssignments() {
    Rest professional = Rest.as(http, "wijkagent-leiden");
    assertThat(professional.get("/api/network/organisations").getBody())
        .contains("gemeente-leiden", "zvh-hollands-midden");
    assertThat(professional.get("/api/network/roles").getBody())
        .contains("adviseur-radicalisering", "procesregisseur");
    assertThat(professional.get("/api/network/people").getBody()).contains("adviseur-leiden");
    assertThat(professional.get(ASSIGNMENTS + "?roleCode=adviseur-radicalisering").getBody())
        .contains("adviseur-leiden", "adviseur-alphen").doesNotContain("procesregisseur-hm");
  }

  @Test
  void aProfessionalWhoIsNoAdministratorCannotChangeTheRegistry() {
    ResponseEntity<Map<String, Object>> attempt = Rest.as(http, "adviseur-leiden")
        .send(HttpMethod.POST, ASSIGNMENTS, Map.of("personId", "adviseur-leiden",
            "roleCode", "procesregisseur", "scopeCode", "gemeente-leiden"));
    assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theRegistryDoesNotTakeOverTheAdministratorsAccounts() {
    for (String id : List.of(Rest.ADMIN, "camunda-admin-verzegeld")) {
      ResponseEntity<Map<String, Object>> answer = admin.send(HttpMethod.POST, "/api/network/people",
          Map.of("id", id, "name", "Over Genomen", "email", "x@example.org", "organisationCode", "gemeente-leiden"));
      assertThat(answer.getStatusCode()).as(id).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errors(answer)).containsOnlyKeys("id");
    }
  }

  @Test
  void anIncompleteAssignmentIsRefusedNamingEveryMissingField() {
    ResponseEntity<Map<String, Object>> answer = admin.send(HttpMethod.POST, ASSIGNMENTS, Map.of());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(answer)).containsOnlyKeys("personId", "roleCode", "scopeCode");
  }

  @Test
  void unknownReferencesAndImpossibleDatesAreRefusedNamingTheField() {
    ResponseEntity<Map<String, Object>> answer = admin.send(HttpMethod.POST, ASSIGNMENTS, Map.of(
        "personId", "niemand", "roleCode", "toverkunstenaar", "scopeCode", "politie-den-haag",
        "validFrom", "2026-05-01", "validTo", "2026-04-01", "deputyId", "ook-niemand"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(answer)).containsOnlyKeys("personId", "roleCode", "scopeCode", "validTo",
        "deputyId");
    assertThat(errors(answer).get("scopeCode").toString()).contains("moet een gemeente of een ZVH zijn");
  }

  @Test
  void aMalformedDateIsRefusedNamingTheField() {
    ResponseEntity<String> answer = Rest.as(http, Rest.ADMIN).sendRaw(HttpMethod.POST, ASSIGNMENTS,
        "{\"personId\":\"adviseur-leiden\",\"roleCode\":\"boa\",\"scopeCode\":\"gemeente-leiden\","
            + "\"validFrom\":\"1 mei\"}");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("validFrom").doesNotContain("Exception");
  }

  @Test
  void anUnknownAssignmentIdAnswers404() {
    assertThat(admin.get(ASSIGNMENTS + "/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.send(HttpMethod.POST, ASSIGNMENTS + "/987654321/end", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.send(HttpMethod.PUT, ASSIGNMENTS + "/987654321",
        Map.of("validFrom", "2026-01-01")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void endingTheOnlyHolderOfAnOpenTaskIsRefusedWithTheTaskNamedAndNothingChanges() {
    long holder = assign(newPerson("adviseur-a"), "adviseur-radicalisering");
    ProcessInstance instance = startAtDuiding(runtime, gemeente);

    ResponseEntity<Map<String, Object>> answer =
        admin.send(HttpMethod.POST, ASSIGNMENTS + "/" + holder + "/end", Map.of());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody().get("details").toString())
        .contains("Melding duiden").contains(instance.getId()).contains(gemeente);
    assertThat(admin.getJson(ASSIGNMENTS + "/" + holder).getBody().get("validTo")).isNull();
  }

  @Test
  void afterTheRoleChangesHandsTheOpenTaskAndTheNextCaseGoToTheNewHolder() {
    String oldHolder = newPerson("adviseur-oud");
    long oldAssignment = assign(oldHolder, "adviseur-radicalisering");
    ProcessInstance first = startAtDuiding(runtime, gemeente);
    assertThat(candidateUsers(tasks, openTask(tasks, first).getId())).containsExactly(oldHolder);

    String newHolder = newPerson("adviseur-nieuw");
    assign(newHolder, "adviseur-radicalisering");
    ResponseEntity<Map<String, Object>> ended =
        admin.send(HttpMethod.POST, ASSIGNMENTS + "/" + oldAssignment + "/end", Map.of());
    assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(candidateUsers(tasks, openTask(tasks, first).getId())).containsExactly(newHolder);
    ProcessInstance next = startAtDuiding(runtime, gemeente);
    assertThat(candidateUsers(tasks, openTask(tasks, next).getId())).containsExactly(newHolder);

    // The registry made a Camunda user of the new person; the administrator gives it a password.
    var user = identity.createUserQuery().userId(newHolder).singleResult();
    user.setPassword("Nieuw-wachtwoord-1");
    identity.saveUser(user);
    ResponseEntity<String> inTasklist = Rest.as(http, newHolder, "Nieuw-wachtwoord-1")
        .get("/engine-rest/task?processInstanceId=" + next.getId());
    assertThat(inTasklist.getBody()).contains("Melding duiden");
  }

  @Test
  void aTaskThatWaitedForAHolderIsOfferedAndItsIncidentResolvedOnceTheRoleIsAssigned() {
    ProcessInstance instance = startAtDuiding(runtime, gemeente);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId())
        .incidentType(UnownedTaskIncidents.INCIDENT_TYPE).count()).isEqualTo(1);

    String holder = newPerson("adviseur-eindelijk");
    assign(holder, "adviseur-radicalisering");

    assertThat(candidateUsers(tasks, openTask(tasks, instance).getId())).containsExactly(holder);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    identity.setAuthentication(holder, identity.createGroupQuery().groupMember(holder).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aChangedDeputyIsOfferedTheOpenTasksOfTheRole() {
    String holder = newPerson("adviseur-met-vervanger");
    long assignment = assign(holder, "adviseur-radicalisering");
    ProcessInstance instance = startAtDuiding(runtime, gemeente);
    String deputy = newPerson("vervanger");

    ResponseEntity<Map<String, Object>> changed = admin.send(HttpMethod.PUT,
        ASSIGNMENTS + "/" + assignment, Map.of("validFrom", "2025-01-01", "deputyId", deputy));

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(candidateUsers(tasks, openTask(tasks, instance).getId()))
        .containsExactlyInAnyOrder(holder, deputy);
  }

  private String newPerson(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    ResponseEntity<Map<String, Object>> created = admin.send(HttpMethod.POST, "/api/network/people",
        Map.of("id", id, "name", "Test " + prefix, "email", id + "@example.org",
            "organisationCode", gemeente));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return id;
  }

  private long assign(String personId, String roleCode) {
    ResponseEntity<Map<String, Object>> created = admin.send(HttpMethod.POST, ASSIGNMENTS,
        Map.of("personId", personId, "roleCode", roleCode, "scopeCode", gemeente,
            "validFrom", "2025-01-01"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errors(ResponseEntity<Map<String, Object>> answer) {
    return (Map<String, Object>) answer.getBody().get("errors");
  }
}
