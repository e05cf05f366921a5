package nl.signaalketen.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;


import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.WegingCases;
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
import org.springframework.http.ResponseEntity;

/**
 * Reading a task's variables, through /engine-rest or Tasklist's own API, is logged, naming the
 * special categories the case holds: who, which case, which category, never the content.
 */
@IntegrationTest
class TaskFormAccessLogTest {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AccessLog accessLog;

  WegingCases weging;

  @BeforeEach
  void aWeging() {
    weging = WegingCases.inLeiden(engine, http);
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
      assertThat(line.toString()).doesNotContain(WegingCases.SIGNAL).doesNotContain(WegingCases.POLICE_SUMMARY)
          .doesNotContain("registraties bij de politie");
    });
  }

  @Test
  void readingTheVariablesOfATaskThroughTasklistIsLoggedAsWell() {
    weging.policeContributes();
    Task task = weging.taskOf("officier-van-justitie");
    HttpHeaders session = Rest.tasklistSession(http, "ovj-hm");

    ResponseEntity<String> read = http.exchange("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/form-variables", HttpMethod.GET, new HttpEntity<>(session), String.class);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accessLog.forCase(weging.casusId)).extracting(AccessLog.Line::userId, AccessLog.Line::channel)
        .containsExactly(tuple("ovj-hm", "taakformulier"));
  }

  @Test
  void readingTheFormVariablesOfATaskInACaseWithoutSpecialCategoryDataIsLoggedAsCaseData() {
    Task task = weging.taskOf("adviseur-radicalisering");

    ResponseEntity<String> read = Rest.as(http, "adviseur-leiden")
        .get("/engine-rest/task/" + task.getId() + "/form-variables");

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).as("the read itself is served").contains("partnerRol");
    assertThat(accessLog.forCase(weging.casusId)).singleElement().satisfies(line -> {
      assertThat(line.userId()).isEqualTo("adviseur-leiden");
      assertThat(line.category()).isEqualTo("casusgegevens");
    });
  }

  @Test
  void aRefusedReadIsNotLoggedAsARead() {
    weging.policeContributes();
    Task task = weging.taskOf("adviseur-radicalisering");

    assertThat(Rest.as(http, "adviseur-alphen").get("/engine-rest/task/" + task.getId() + "/form-variables")
        .getStatusCode().value()).isIn(403, 404);

    assertThat(accessLog.forCase(weging.casusId)).isEmpty();
  }
}
