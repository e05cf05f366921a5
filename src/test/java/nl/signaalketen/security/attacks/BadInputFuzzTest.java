package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.RestCase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Attacks 9 and 10 of issue 8, as a bounded fuzz: the start form, a task's completion and our own
 * API get huge, wrongly typed, control-character, markup, unicode and out-of-range values and
 * malformed JSON. Every answer is a 4xx or a success, never a 5xx; a refused start or completion
 * stores nothing; and no submitted value reaches the application log (at INFO, as in production).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputFuzzTest {

  /** Every fuzzed text carries this, so the log can be searched for any of them. */
  private static final String MARK = "FUZZWAARDE";
  private static final String START = "/engine-rest/process-definition/key/signaalketen/start";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final Random random = new Random(20261202);
  private final List<String> fiveHundreds = new ArrayList<>();
  private Level rootLevel;

  @BeforeEach
  void logAsInProduction() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.INFO);
  }

  @AfterEach
  void restoreTheLog() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(rootLevel);
  }

  /** Values a careless or hostile client sends; each JSON, some of them no variable at all. */
  private Object nasty() {
    List<Object> values = List.of(MARK + "x".repeat(1024 * 1024), MARK + "y".repeat(5000), MARK + "\u0000nul",
        MARK + " <script>alert(1)</script> ' \" --", MARK + " \u202eRTL \u0301 😀 \uD800", "9999-12-31", "0000-01-01",
        "-999999999-01-01", "2024-02-30", "ja", true, false, 123, -5, 1.0e300, List.of(MARK), Map.of("a", MARK),
        "");
    return values.get(random.nextInt(values.size()));
  }

  private Map<String, Object> variable(Object value) {
    Map<String, Object> variable = new HashMap<>();
    variable.put("value", value);
    switch (random.nextInt(6)) {
      case 0 -> variable.put("type", "Object");
      case 1 -> {
        variable.put("type", "Object");
        variable.put("valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-java-serialized-object"));
      }
      case 2 -> variable.put("type", random.nextBoolean() ? "Boolean" : "Date");
      default -> { }
    }
    return variable;
  }

  private String fuzzedVariables(Map<String, Object> valid) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    valid.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    List<String> names = new ArrayList<>(valid.keySet());
    for (int i = 0; i < 1 + random.nextInt(2); i++) {
      variables.put(names.get(random.nextInt(names.size())), variable(nasty()));
    }
    return JSON.writeValueAsString(Map.of("variables", variables));
  }

  private static final List<String> MALFORMED = List.of("{", "[]", "null", "\"x\"", "{\"variables\": 3}",
      "{\"variables\": {\"signaal\": 3}}", "{\"variables\": {\"signaal\": {\"value\": {\"a\": [1, {\"b\": null}]}}}}",
      "\u0000\u0001", "{\"variables\": {\"" + MARK + "\": {\"value\": \"" + MARK + "\"}}}");

  private void expectNo5xx(String what, ResponseEntity<String> answer) {
    if (answer.getStatusCode().is5xxServerError()) {
      fiveHundreds.add(what + " -> " + answer.getStatusCode().value() + " " + answer.getBody());
    }
  }

  @Test
  void theStartFormNeverAnswers5xxAndARefusedStartStoresNothing(CapturedOutput log) throws Exception {
    Rest meldpunt = Rest.as(http, "meldpunt-leiden");
    HttpHeaders tasklist = Rest.tasklistSession(http, "meldpunt-leiden");
    tasklist.setContentType(MediaType.APPLICATION_JSON);
    for (int i = 0; i < 40; i++) {
      long before = runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count();
      String body = i < MALFORMED.size() ? MALFORMED.get(i) : fuzzedVariables(Cases.signal("gemeente-leiden"));
      // Through /engine-rest, and through Tasklist's own API as Tasklist's start form submits.
      ResponseEntity<String> answer = i % 2 == 0 ? meldpunt.sendRaw(HttpMethod.POST, START, body)
          : http.exchange("/camunda/api/engine/engine/default/process-definition/key/signaalketen/submit-form",
              HttpMethod.POST, new HttpEntity<>(body, tasklist), String.class);
      expectNo5xx("start " + i, answer);
      if (!answer.getStatusCode().is2xxSuccessful()) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signaalketen").count())
            .as("a refused start stores nothing").isEqualTo(before);
      }
    }
    assertThat(fiveHundreds).isEmpty();
    assertThat(log.getAll()).doesNotContain(MARK);
  }

  @Test
  void aTaskCompletionNeverAnswers5xxAndARefusedOneKeepsTheTask(CapturedOutput log) throws Exception {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    String task = leiden.task(tasks, "melding-duiden").getId();
    Rest adviseur = Rest.as(http, "adviseur-leiden");
    for (int i = 0; i < 40; i++) {
      String body = i < MALFORMED.size() ? MALFORMED.get(i) : fuzzedVariables(Cases.duiding(true, true, false));
      String path = "/engine-rest/task/" + task + (i % 2 == 0 ? "/submit-form" : "/complete");
      ResponseEntity<String> answer = adviseur.sendRaw(HttpMethod.POST, path, body);
      expectNo5xx("complete " + i, answer);
      if (answer.getStatusCode().is2xxSuccessful()) {
        break; // the fuzz left the form valid after all: the task is done
      }
      assertThat(tasks.createTaskQuery().taskId(task).count()).as("a refused completion keeps the task").isEqualTo(1);
      assertThat(tasks.getVariable(task, "toelichtingDuiding")).as("and stores nothing").isNull();
    }
    assertThat(fiveHundreds).isEmpty();
    assertThat(log.getAll()).doesNotContain(MARK);
  }

  @Test
  void ourOwnApiNeverAnswers5xx(CapturedOutput log) throws Exception {
    RestCase leiden = RestCase.start(http, runtime, "gemeente-leiden");
    Rest admin = Rest.as(http, Rest.ADMIN);
    Rest adviseur = Rest.as(http, "adviseur-leiden");
    Rest officer = Rest.as(http, "privacy-leiden");
    for (int i = 0; i < 60; i++) {
      Object value = nasty();
      String text = value instanceof String s ? s : JSON.writeValueAsString(value);
      String shortText = text.length() > 3000 ? text.substring(0, 3000) : text;
      Map<String, Object> body = new HashMap<>(Map.of("personId", value, "roleCode", "adviseur-radicalisering",
          "scopeCode", "gemeente-leiden", "validFrom", value));
      String share = JSON.writeValueAsString(Map.of("from", value, "to", "politie", "purpose", value,
          "legalBasis", value, "proportionality", "p", "subsidiarity", "s", "dataCategories", value,
          "personInformed", value));
      String raw = i < MALFORMED.size() ? MALFORMED.get(i) : JSON.writeValueAsString(body);
      String encoded = java.net.URLEncoder.encode(shortText, java.nio.charset.StandardCharsets.UTF_8);
      expectNo5xx("assignment " + i, admin.sendRaw(HttpMethod.POST, "/api/network/assignments", raw));
      expectNo5xx("people " + i, admin.sendRaw(HttpMethod.POST, "/api/network/people",
          JSON.writeValueAsString(Map.of("id", value, "name", value, "email", value, "organisationCode", value))));
      expectNo5xx("share " + i, adviseur.sendRaw(HttpMethod.POST, "/api/cases/" + leiden.caseKey() + "/sharing", share));
      expectNo5xx("inzage " + i, officer.get("/api/inzage?bsn=" + encoded));
      expectNo5xx("inzage naam " + i, officer.get("/api/inzage?naam=" + encoded + "&geboortedatum=" + encoded));
      expectNo5xx("exception " + i, officer.sendRaw(HttpMethod.POST, "/api/inzage/uitzonderingen",
          JSON.writeValueAsString(Map.of("caseId", value, "withheld", value, "reason", value))));
      expectNo5xx("status " + i, adviseur.get("/api/meldingen/" + encoded));
    }
    assertThat(fiveHundreds).isEmpty();
    assertThat(log.getAll()).doesNotContain(MARK);
  }
}
