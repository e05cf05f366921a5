package nl.signaalketen.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An administrator builds the network's organisations through /api/network, without SQL. */
@IntegrationTest
class OrganisationApiTest {

  private static final String ORGANISATIONS = "/api/network/organisations";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  @Test
  void anAdministratorAddsAZvhAndAGemeenteOfItsRegionAndPeopleCanJoinIt() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    String zvh = code("zvh");
    String gemeente = code("gemeente");

    ResponseEntity<Map<String, Object>> region = admin.send(HttpMethod.POST, ORGANISATIONS,
        Map.of("code", zvh, "name", "Zorg- en Veiligheidshuis Test", "type", "ZVH"));
    ResponseEntity<Map<String, Object>> town = admin.send(HttpMethod.POST, ORGANISATIONS,
        Map.of("code", gemeente, "name", "Gemeente Test", "type", "GEMEENTE", "servedByZvh", zvh));
    ResponseEntity<Map<String, Object>> person = admin.send(HttpMethod.POST, "/api/network/people",
        Map.of("id", code("meldpunt"), "name", "Test Meldpunt", "email", "meldpunt@example.org",
            "organisationCode", gemeente));

    assertThat(region.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(town.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(town.getBody()).containsEntry("servedByZvh", zvh);
    assertThat(person.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(Rest.as(http, "wijkagent-leiden").get(ORGANISATIONS).getBody()).contains(zvh, gemeente);
  }

  @Test
  void aDuplicateCodeAWrongRegionAndMissingFieldsAreRefusedNamingEachField() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    ResponseEntity<Map<String, Object>> duplicate = admin.send(HttpMethod.POST, ORGANISATIONS,
        Map.of("code", "gemeente-leiden", "name", "Nog een Leiden", "type", "GEMEENTE",
            "servedByZvh", "gemeente-leiden"));
    ResponseEntity<Map<String, Object>> empty = admin.send(HttpMethod.POST, ORGANISATIONS, Map.of());

    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(duplicate)).containsKeys("code", "servedByZvh");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(empty)).containsKeys("code", "name", "type");
  }

  @Test
  void aRenamedGemeenteKeepsItsCodeAndRegionAndItsGroupsCarryTheNewName() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    String gemeente = code("gemeente");
    admin.send(HttpMethod.POST, ORGANISATIONS, Map.of("code", gemeente, "name", "Gemeente Oudnaam",
        "type", "GEMEENTE", "servedByZvh", "zvh-hollands-midden"));
    String holder = code("adviseur");
    admin.send(HttpMethod.POST, "/api/network/people", Map.of("id", holder, "name", "Test Adviseur",
        "email", "adviseur@example.org", "organisationCode", gemeente));
    admin.send(HttpMethod.POST, "/api/network/assignments", Map.of("personId", holder,
        "roleCode", "adviseur-radicalisering", "scopeCode", gemeente, "validFrom", "2025-01-01"));

    ResponseEntity<Map<String, Object>> renamed = admin.send(HttpMethod.PUT, ORGANISATIONS + "/" + gemeente,
        Map.of("name", "Gemeente Nieuwnaam"));

    assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(renamed.getBody()).containsEntry("code", gemeente).containsEntry("name", "Gemeente Nieuwnaam")
        .containsEntry("type", "GEMEENTE").containsEntry("servedByZvh", "zvh-hollands-midden");
    String group = IdentitySync.scopedGroup("adviseur-radicalisering", gemeente);
    assertThat(identity.createGroupQuery().groupId(group).singleResult().getName()).contains("Gemeente Nieuwnaam");
  }

  @Test
  void aRenameOfAnUnknownOrganisationIs404AndAnEmptyOrForeignFieldIs400() {
    Rest admin = Rest.as(http, Rest.ADMIN);
    assertThat(admin.send(HttpMethod.PUT, ORGANISATIONS + "/gemeente-bestaat-niet", Map.of("name", "X"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> blank = admin.send(HttpMethod.PUT, ORGANISATIONS + "/gemeente-leiden",
        Map.of("name", " "));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(blank)).containsKey("name");
    // The type and the region are not a rename: a field the change does not declare is refused.
    ResponseEntity<Map<String, Object>> typeChange = admin.send(HttpMethod.PUT, ORGANISATIONS + "/gemeente-leiden",
        Map.of("name", "Gemeente Leiden", "type", "ZVH"));
    assertThat(typeChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(typeChange)).containsKey("type");
    assertThat(Rest.as(http, "wijkagent-leiden").get(ORGANISATIONS).getBody()).contains("Gemeente Leiden");
  }

  @Test
  void aProfessionalCannotAddOrRenameAnOrganisation() {
    Rest professional = Rest.as(http, "adviseur-leiden");
    assertThat(professional.send(HttpMethod.POST, ORGANISATIONS, Map.of("code", code("gemeente"),
        "name", "Gemeente X", "type", "GEMEENTE")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(professional.send(HttpMethod.PUT, ORGANISATIONS + "/gemeente-leiden",
        Map.of("name", "Gemeente Overgenomen")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(professional.get(ORGANISATIONS).getBody()).doesNotContain("Overgenomen");
  }

  private static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errors(ResponseEntity<Map<String, Object>> answer) {
    assertThat(answer.getBody()).containsKey("errors");
    return (Map<String, Object>) answer.getBody().get("errors");
  }
}
