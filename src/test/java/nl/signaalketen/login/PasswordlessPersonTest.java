package nl.signaalketen.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A person the registry has just made has no password yet: signing in as them is refused, never a 500. */
@IntegrationTest
class PasswordlessPersonTest {

  @Autowired TestRestTemplate http;

  @Test
  void basicCredentialsForAPersonWithoutAPasswordAnswer401() {
    String person = Rest.newPerson(http, "nieuw", "gemeente-leiden");

    ResponseEntity<String> answer = Rest.as(http, person, "Willekeurig-wachtwoord-1").get("/engine-rest/version");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(Rest.as(http, person, "").get("/api/network/roles").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWebappLoginAsAPersonWithoutAPasswordIsRefused() {
    String person = Rest.newPerson(http, "nieuw", "gemeente-leiden");
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    page.getHeaders().get(HttpHeaders.SET_COOKIE).forEach(c -> {
      headers.add(HttpHeaders.COOKIE, c.substring(0, c.indexOf(';')));
      if (c.startsWith("XSRF-TOKEN=")) {
        headers.set("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length(), c.indexOf(';')));
      }
    });
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", person);
    form.add("password", "Willekeurig-wachtwoord-1");

    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

}
