package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.testsupport.Rest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The database goes away under a running application (a PostgreSQL of this test's own, stopped and
 * started again on the same files and port): every API answers 503 with Retry-After within a few
 * seconds, and works again once the database is back, without a restart.
 */
@Tag("own-jvm")
class DatabaseOutageTest {

  @TempDir
  Path data;

  @Test
  void whileTheDatabaseIsDownEveryApiAnswers503WithRetryAfterAndAfterwardsEverythingWorks() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EmbeddedPostgres db = postgres(port);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + db.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
          .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
      Rest adviseur = Rest.as(http, "adviseur-leiden");
      assertThat(adviseur.get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(adviseur.get("/api/network/people").getStatusCode()).isEqualTo(HttpStatus.OK);

      db.close();
      long down = System.nanoTime();
      try {
        // A remembered sign-in (the engine's query fails), our own API, and a sign-in to check.
        assertOutage(adviseur.get("/engine-rest/task"));
        assertOutage(adviseur.get("/api/network/people"));
        assertOutage(Rest.as(http, "meldpunt-leiden").get("/engine-rest/process-definition"));
        assertOutage(Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden"));
        assertOutage(webappLogin(http, "wijkagent-leiden"));
        System.out.println("DatabaseOutageTest: five requests answered 503 in "
            + (System.nanoTime() - down) / 1_000_000 + " ms");
      } finally {
        db = postgres(port);
      }

      // As a client that honours Retry-After: the pool may need a moment to make new connections.
      ResponseEntity<Map<String, Object>> started = Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden");
      for (int retry = 0; retry < 30 && started.getStatusCode().value() == 503; retry++) {
        Thread.sleep(1000);
        started = Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden");
      }
      assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(adviseur.get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(adviseur.get("/api/network/roles").getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      db.close();
    }
  }

  /** Tasklist's own login call (CSRF token from the page first), as the browser sends it. */
  private static ResponseEntity<String> webappLogin(TestRestTemplate http, String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, java.util.List.of()).forEach(c -> {
      headers.add(HttpHeaders.COOKIE, c.substring(0, c.indexOf(';')));
      if (c.startsWith("XSRF-TOKEN=")) {
        headers.set("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length(), c.indexOf(';')));
      }
    });
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", Rest.DEMO_PASSWORD);
    return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private static void assertOutage(ResponseEntity<?> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(String.valueOf(answer.getBody())).contains("niet bereikbaar");
  }

  private EmbeddedPostgres postgres(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data.resolve("pg"))
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false)
        .start();
  }
}
