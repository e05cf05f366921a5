package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.TestPostgres;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/** Two nodes of one installation started at the same moment on an empty PostgreSQL database. */
@Tag("own-jvm")
class TwoNodesTest {

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneDeployment() throws Exception {
    TestPostgres db = TestPostgres.get();
    assumeTrue(db.description().contains("embedded"), "Needs the embedded test database");
    String url = db.createEmptyDatabase("twee_nodes");
    String secret = UUID.randomUUID().toString();
    ExecutorService starters = Executors.newFixedThreadPool(2);
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    try {
      List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
      for (String engine : List.of("default", "knoop2")) {
        // One JVM holds both: Camunda keeps its engines in a static registry, so the names differ.
        starting.add(starters.submit(() -> new SpringApplicationBuilder(SignaalketenApplication.class)
            .run("--server.port=0", "--spring.profiles.active=postgres", "--camunda.bpm.process-engine-name=" + engine,
                "--SPRING_DATASOURCE_URL=" + url,
                "--SPRING_DATASOURCE_USERNAME=" + (db.username() == null ? "" : db.username()),
                "--SPRING_DATASOURCE_PASSWORD=" + (db.password() == null ? "" : db.password()),
                "--SIGNAALKETEN_ADMIN_USER=eerste-beheerder",
                "--SIGNAALKETEN_ADMIN_PASSWORD=Een-lang-wachtwoord-42",
                "--SIGNAALKETEN_PERSON_KEY_SECRET=" + secret)));
      }
      for (Future<ConfigurableApplicationContext> node : starting) {
        nodes.add(node.get(5, TimeUnit.MINUTES));
      }

      for (ConfigurableApplicationContext node : nodes) {
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
            .rootUri("http://localhost:" + node.getEnvironment().getProperty("local.server.port")));
        assertThat(Rest.as(http, "eerste-beheerder", "Een-lang-wachtwoord-42").get("/api/network/roles")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
      }
      RepositoryService repository = nodes.get(0).getBean(RepositoryService.class);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("signaalketen").count())
          .as("the processes are deployed once, not by each node").isEqualTo(1);
    } finally {
      nodes.forEach(ConfigurableApplicationContext::close);
      starters.shutdownNow();
    }
  }
}
