package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.login.StartupRefusal;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.HttpStatus;

/**
 * The production profile: datasource and first administrator from the environment (given here as
 * arguments, which Spring resolves the same way), no demo network, no demo users.
 */
@Tag("own-jvm")
class PostgresProfileTest {

  @Test
  void thePostgresProfileHasOnlyTheAdministratorFromTheEnvironmentAndNoDemoUsers() {
    TestPostgres db = TestPostgres.get();
    // It needs an empty registry: an external test database already holds the demo network.
    assumeTrue(db.description().contains("embedded"), "Needs the embedded test database");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.profiles.active=postgres",
            "--SPRING_DATASOURCE_URL=" + db.jdbcUrl(),
            "--SPRING_DATASOURCE_USERNAME=" + nullToEmpty(db.username()),
            "--SPRING_DATASOURCE_PASSWORD=" + nullToEmpty(db.password()),
            "--SIGNAALKETEN_ADMIN_USER=eerste-beheerder",
            "--SIGNAALKETEN_ADMIN_PASSWORD=Een-lang-wachtwoord-42",
            "--SIGNAALKETEN_PERSON_KEY_SECRET=" + java.util.UUID.randomUUID())) {
      String port = app.getEnvironment().getProperty("local.server.port");
      TestRestTemplate http = new TestRestTemplate(
          new RestTemplateBuilder().rootUri("http://localhost:" + port));

      var people = Rest.as(http, "eerste-beheerder", "Een-lang-wachtwoord-42")
          .get("/api/network/people", new ParameterizedTypeReference<List<Map<String, Object>>>() {});
      assertThat(people.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(people.getBody()).isEmpty();
      assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/process-definition")
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(Rest.as(http, "beheerder").get("/engine-rest/process-definition")
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      // Camunda's password policy is on: a demo-style password is not accepted here.
      assertThat(app.getBean(org.camunda.bpm.engine.IdentityService.class)
          .checkPasswordAgainstPolicy("demo").isValid()).isFalse();
      assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      // Behind the TLS proxy (a local address, so trusted): redirects keep https and the public host.
      HttpHeaders forwarded = new HttpHeaders();
      forwarded.set("X-Forwarded-Proto", "https");
      forwarded.set("X-Forwarded-Host", "signaalketen.example.nl");
      var redirect = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
          .requestFactory(NoRedirects::new))
          .exchange("/camunda/app/tasklist", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
      assertThat(redirect.getStatusCode().is3xxRedirection()).isTrue();
      assertThat(redirect.getHeaders().getLocation()).hasScheme("https").hasHost("signaalketen.example.nl");

      // A new password through Camunda's own API that breaks the policy: 400 naming the rules, not a 500.
      Rest admin = Rest.as(http, "eerste-beheerder", "Een-lang-wachtwoord-42");
      var weak = admin.send(HttpMethod.PUT, "/engine-rest/user/eerste-beheerder/credentials",
          Map.of("password", "kort", "authenticatedUserPassword", "Een-lang-wachtwoord-42"));
      assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(weak.getBody().get("message").toString()).contains("wachtwoordregels", "minstens 10 tekens")
          .doesNotContain("kort");
      assertThat(admin.send(HttpMethod.PUT, "/engine-rest/user/eerste-beheerder/credentials",
          Map.of("password", "Nog-een-lang-wachtwoord-43", "authenticatedUserPassword", "Een-lang-wachtwoord-42"))
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aFirstAdministratorPasswordThatBreaksThePolicyStopsStartUpStatingTheRulesWithoutAStackTrace(
      CapturedOutput output) {
    TestPostgres db = TestPostgres.get();
    assumeTrue(db.description().contains("embedded"), "Needs the embedded test database");
    String weak = "zwak";
    assertThatThrownBy(() -> new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.profiles.active=postgres",
            "--SPRING_DATASOURCE_URL=" + db.jdbcUrl(),
            "--SPRING_DATASOURCE_USERNAME=" + nullToEmpty(db.username()),
            "--SPRING_DATASOURCE_PASSWORD=" + nullToEmpty(db.password()),
            "--SIGNAALKETEN_ADMIN_USER=beheerder-met-zwak-wachtwoord",
            "--SIGNAALKETEN_ADMIN_PASSWORD=" + weak,
            "--SIGNAALKETEN_PERSON_KEY_SECRET=" + java.util.UUID.randomUUID()).close())
        .isInstanceOf(StartupRefusal.class);

    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
            "voldoet niet aan de wachtwoordregels", "minstens 10 tekens", "hoofdletter", "cijfer", "leesteken")
        .doesNotContain(weak).doesNotContain("at nl.signaalketen.security.Administrators");
  }

  /** Answers a redirect as it is, to read its Location. */
  static class NoRedirects extends SimpleClientHttpRequestFactory {
    @Override
    protected void prepareConnection(java.net.HttpURLConnection connection, String method) throws java.io.IOException {
      super.prepareConnection(connection, method);
      connection.setInstanceFollowRedirects(false);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
