package nl.signaalketen.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The administrator gives a new person their first password through the API, within the password rules. */
@IntegrationTest
class InitialPasswordTest {

  private static final String GOOD = "Eerste-Wachtwoord-2026";

  @Autowired TestRestTemplate http;

  @Test
  void aPasswordThatMeetsTheRulesLetsTheNewPersonSignIn() {
    String person = Rest.newPerson(http, "collega", "gemeente-leiden");

    ResponseEntity<Map<String, Object>> set = setPassword(Rest.as(http, Rest.ADMIN), person, GOOD);

    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(Rest.as(http, person, GOOD).get("/api/network/roles").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Rest.as(http, person, "Een-Ander-Wachtwoord-1").get("/api/network/roles").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWeakPasswordIsRefusedStatingEveryBrokenRuleAndNothingIsStored() {
    String person = Rest.newPerson(http, "collega", "gemeente-leiden");

    ResponseEntity<Map<String, Object>> weak = setPassword(Rest.as(http, Rest.ADMIN), person, "kort");
    ResponseEntity<Map<String, Object>> ownName = setPassword(Rest.as(http, Rest.ADMIN), person, person + "-A1!");

    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(weak).get("password").toString())
        .contains("minstens 10 tekens", "hoofdletter", "cijfer", "leesteken").doesNotContain("kort");
    assertThat(ownName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(ownName).get("password").toString()).contains("gebruikersnaam");
    assertThat(Rest.as(http, person, "kort").get("/api/network/roles").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anEmptyOrEndlessPasswordIsRefusedNamingTheField() {
    String person = Rest.newPerson(http, "collega", "gemeente-leiden");
    Rest admin = Rest.as(http, Rest.ADMIN);
    assertThat(errors(setPassword(admin, person, ""))).containsKey("password");
    assertThat(errors(setPassword(admin, person, "Aa1!".repeat(100)))).containsKey("password");
    assertThat(errors(admin.send(HttpMethod.PUT, "/api/network/people/" + person + "/password",
        Map.of("password", GOOD, "mustChange", false)))).containsKey("mustChange");
  }

  @Test
  void onlyTheAdministratorSetsPasswordsAndOnlyForPeopleOfTheRegistry() {
    String person = Rest.newPerson(http, "collega", "gemeente-leiden");
    assertThat(setPassword(Rest.as(http, "adviseur-leiden"), person, GOOD).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(setPassword(Rest.as(http, Rest.ADMIN), "niemand-bekend", GOOD).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // The administrator's own account is not the registry's: it cannot be taken over this way.
    assertThat(setPassword(Rest.as(http, Rest.ADMIN), Rest.ADMIN, GOOD).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Rest.as(http, person, GOOD).get("/api/network/roles").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<Map<String, Object>> setPassword(Rest as, String person, String password) {
    return as.send(HttpMethod.PUT, "/api/network/people/" + person + "/password", Map.of("password", password));
  }


  @SuppressWarnings("unchecked")
  private static Map<String, Object> errors(ResponseEntity<Map<String, Object>> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return (Map<String, Object>) answer.getBody().get("errors");
  }
}
