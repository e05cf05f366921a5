package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.testsupport.Rest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Single sign-on switched on, with a provider that is never contacted here (its endpoints are
 * given explicitly, so nothing is discovered at start-up): the webapps send the user to the
 * provider's login, and /engine-rest and /api stay closed.
 */
@Tag("own-jvm")
class OidcLoginTest {

  private static final String PROVIDER = "http://127.0.0.1:9/realms/signaalketen/protocol/openid-connect";

  @Test
  void theWebappsLogInAtTheIdentityProviderAndTheApisStayClosed() {
    String client = "spring.security.oauth2.client.";
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SignaalketenApplication.class).run(
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:oidc-" + UUID.randomUUID(),
        "--signaalketen.security.oidc.enabled=true",
        "--" + client + "registration.signaalketen.client-id=signaalketen",
        "--" + client + "registration.signaalketen.client-secret=geheim",
        "--" + client + "registration.signaalketen.scope=openid,profile",
        "--" + client + "registration.signaalketen.authorization-grant-type=authorization_code",
        "--" + client + "registration.signaalketen.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "--" + client + "provider.signaalketen.authorization-uri=" + PROVIDER + "/auth",
        "--" + client + "provider.signaalketen.token-uri=" + PROVIDER + "/token",
        "--" + client + "provider.signaalketen.jwk-set-uri=" + PROVIDER + "/certs",
        "--" + client + "provider.signaalketen.user-info-uri=" + PROVIDER + "/userinfo",
        "--" + client + "provider.signaalketen.user-name-attribute=preferred_username",
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + PROVIDER + "/certs")) {
      String port = app.getEnvironment().getProperty("local.server.port");
      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
          .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);

      ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
      assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.FOUND);
      URI login = tasklist.getHeaders().getLocation();
      assertThat(login.getPath()).isEqualTo("/oauth2/authorization/signaalketen");
      ResponseEntity<String> toProvider = http.getForEntity(login, String.class);
      assertThat(toProvider.getStatusCode()).isEqualTo(HttpStatus.FOUND);
      assertThat(toProvider.getHeaders().getLocation().toString())
          .startsWith(PROVIDER + "/auth").contains("client_id=signaalketen");

      assertThat(Rest.anonymous(http).get("/engine-rest/process-definition").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      HttpHeaders forged = new HttpHeaders();
      forged.setBearerAuth("niet.een.token");
      assertThat(http.exchange("/api/network/people", HttpMethod.GET, new HttpEntity<>(forged), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/process-definition").getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
  }
}
