package nl.signaalketen.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Reading a task's variables, through /engine-rest or Tasklist's own API, is logged when the case
 * holds special-category data: who, which case, which category, never the content.
 */
@IntegrationTest
class TaskFormAccessLogTest {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AccessLog accessLog;

  WeighingCases weging;

  @BeforeEach
  void aWeging() {
    weging = new WeighingCases(engine, http).start();
  }

  @AfterEach
  void endTheWeging() {
    weging.end();
  }

  @Test
  void readingTheFormVariablesOfATaskInACaseWithSpecialCategoryDataWritesAnAccessLogLineWithoutContent() {
    weging.policeContributes();
    Task task = weging.taskOf("adviseur-radicalisering");

    ResponseEntity<String> read = Rest.as(http, "adviseur-leiden").get("/engine-rest/task/" + task.getId() + "/form-variables");

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).as("the read itself is served").contains("partnerRol");
    assertThat(accessLog.forCase(weging.casusId)).singleElement().satisfies(line -> {
      assertThat(line.userId()).isEqualTo("adviseur-leiden");
      assertThat(line.kind()).isEqualTo("inzage");
      assertThat(line.channel()).isEqualTo("taakformulier");
      assertThat(line.category()).isEqualTo("strafrechtelijke gegevens");
      assertThat(line.objectRef()).isEqualTo("taak " + task.getId());
      assertThat(line.accessedAt()).isNotNull();
      assertThat(line.toString()).doesNotContain(WeighingCases.SIGNAL).doesNotContain(WeighingCases.POLICE_SUMMARY)
          .doesNotContain("registraties bij de politie");
    });
  }

  @Test
  void readingTheVariablesOfATaskThroughTasklistIsLoggedAsWell() {
    weging.policeContributes();
    Task task = weging.taskOf("officier-van-justitie");
    HttpHeaders session = tasklistLogin("ovj-hm");

    ResponseEntity<String> read = http.exchange("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/form-variables", HttpMethod.GET, new HttpEntity<>(session), String.class);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accessLog.forCase(weging.casusId)).extracting(AccessLog.Line::userId, AccessLog.Line::channel)
        .containsExactly(tuple("ovj-hm", "taakformulier"));
  }

  @Test
  void readingTheVariablesOfATaskInACaseWithoutSpecialCategoryDataLogsNothing() {
    Task task = weging.taskOf("adviseur-radicalisering");

    assertThat(Rest.as(http, "adviseur-leiden").get("/engine-rest/task/" + task.getId() + "/variables")
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(accessLog.forCase(weging.casusId)).isEmpty();
  }

  @Test
  void aRefusedReadIsNotLoggedAsARead() {
    weging.policeContributes();
    Task task = weging.taskOf("adviseur-radicalisering");

    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/task/" + task.getId() + "/form-variables")
        .getStatusCode().value()).isIn(403, 404);

    assertThat(accessLog.forCase(weging.casusId)).isEmpty();
  }

  /** Logs into Camunda's webapps as Tasklist does (CSRF token first); answers the session's headers. */
  private HttpHeaders tasklistLogin(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", token);
    cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.substring(0, c.indexOf(';'))));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", Rest.DEMO_PASSWORD);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders session = new HttpHeaders();
    session.set("X-XSRF-TOKEN", token);
    // The login renews the session cookie: the newest value of each cookie counts.
    Map<String, String> jar = new LinkedHashMap<>();
    Stream.concat(cookies.stream(), login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream())
        .map(c -> c.substring(0, c.indexOf(';')))
        .forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    jar.values().forEach(c -> session.add(HttpHeaders.COOKIE, c));
    return session;
  }
}
