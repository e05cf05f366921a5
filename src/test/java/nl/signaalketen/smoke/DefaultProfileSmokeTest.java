package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The default profile as a newcomer runs it: H2 in a file, demo network, demo users. Started twice
 * on the same file to prove a restart keeps cases and does not deploy or load anything twice.
 */
@Tag("own-jvm")
class DefaultProfileSmokeTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @TempDir
  Path data;

  @Test
  void runsOnH2WithDemoUsersAndKeepsCasesAcrossARestartWithoutRedeploying() {
    String url = "jdbc:h2:file:" + data.resolve("signaalketen") + ";DB_CLOSE_ON_EXIT=FALSE";
    String caseKey;
    int people;
    try (ConfigurableApplicationContext first = start(url)) {
      TestRestTemplate http = http(first);
      assertThat(Rest.anonymous(http).get("/engine-rest/process-definition").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/process-definition").getBody())
          .contains("\"key\":\"signaalketen\"");
      ResponseEntity<Map<String, Object>> started =
          Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden");
      assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
      caseKey = first.getBean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
          .processInstanceId((String) started.getBody().get("id")).singleResult().getBusinessKey();
      people = Rest.as(http, "adviseur-leiden").get("/api/network/people", LIST).getBody().size();
    }

    try (ConfigurableApplicationContext second = start(url)) {
      TestRestTemplate http = http(second);
      assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
          .processDefinitionKey("signaalketen").count()).isEqualTo(1);
      assertThat(Rest.as(http, "adviseur-leiden")
          .get("/engine-rest/task?processInstanceBusinessKey=" + caseKey, LIST).getBody())
          .extracting(t -> t.get("name")).containsExactly("Melding duiden");
      assertThat(Rest.as(http, "adviseur-leiden").get("/api/network/people", LIST).getBody())
          .hasSize(people);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    // Command-line arguments, because application.yaml outranks builder default properties.
    return new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url);
  }

  private static TestRestTemplate http(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getProperty("local.server.port");
    return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
  }
}
