package nl.signaalketen.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inzage through HTTP, as the demo privacy officer of Leiden and as everyone else. */
@IntegrationTest
class InzageTest {

  private static final String OFFICER = "privacy-leiden";

  @Autowired nl.signaalketen.casefile.PersonKeys personKeys;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @Test
  void thePrivacyOfficerGetsEveryCaseOfThePersonWithItsDataAndNotificationsInOneDocument() {
    String bsn = uniqueBsn();
    ProcessInstance running = runtime.startProcessInstanceByKey("signaalketen", signal("gemeente-leiden", bsn));
    String runningCase = (String) runtime.getVariable(running.getId(), CaseKeys.CASE_ID);
    String closedCase = closedCase(bsn, "geenActie");
    runtime.startProcessInstanceByKey("signaalketen", signal("gemeente-alphen", bsn));

    ResponseEntity<Map<String, Object>> answer = Rest.as(http, OFFICER).getJson("/api/inzage?bsn=" + bsn);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("requestedBy", OFFICER);
    // Alphen's case is Alphen's to answer for: not in Leiden's export.
    assertThat(cases(answer)).extracting(c -> c.get("caseId")).containsExactlyInAnyOrder(runningCase, closedCase);
    Map<String, Object> open = caseOf(answer, runningCase);
    assertThat(open).containsEntry("status", "lopend").containsEntry("gemeente", "gemeente-leiden");
    assertThat(processes(open)).extracting(p -> p.get("process")).contains("signaalketen", "melding");
    assertThat(variables(open, "signaalketen")).containsEntry("bsn", bsn)
        .containsEntry("signaal", Cases.signal("x").get("signaal"));
    assertThat(notifications(open)).extracting(n -> n.get("kind")).containsExactly("terugkoppeling-ontvangst");
    assertThat(notifications(open)).allSatisfy(n -> assertThat(n).doesNotContainKey("recipient"));
    assertThat(variables(open, "signaalketen")).doesNotContainKeys("melderNaam", "melderContact");
    Map<String, Object> closed = caseOf(answer, closedCase);
    assertThat(closed).containsEntry("status", "afgesloten").containsEntry("retentionCategory", "niet-opgepakt")
        .containsEntry("retainedUntil", LocalDate.now().plusDays(1825).toString());
    assertThat(notifications(closed)).extracting(n -> n.get("kind")).containsExactly("terugkoppeling-casusoverlegNee");

    Map<String, Object> byName = signal("gemeente-leiden", null);
    byName.put("betrokkeneNaam", "Sanne de Wit-" + System.nanoTime());
    byName.put("geboortedatum", "2007-02-28");
    ProcessInstance named = runtime.startProcessInstanceByKey("signaalketen", byName);
    ResponseEntity<Map<String, Object>> byNameAnswer = Rest.as(http, OFFICER).getJson("/api/inzage?naam= "
        + ((String) byName.get("betrokkeneNaam")).toUpperCase() + " &geboortedatum=2007-02-28");
    assertThat(cases(byNameAnswer)).extracting(c -> c.get("caseId"))
        .containsExactly(runtime.getVariable(named.getId(), CaseKeys.CASE_ID));
  }

  @Test
  void aRecordedExceptionWithholdsItsPartOfTheCaseAndIsListedWithItsReason() {
    String bsn = uniqueBsn();
    String caseId = closedCase(bsn, "strafrechtelijk");
    String reason = "Lopend strafrechtelijk onderzoek; inzage zou het onderzoek schaden (art. 41 UAVG).";

    ResponseEntity<Map<String, Object>> recorded = Rest.as(http, OFFICER).send(HttpMethod.POST,
        "/api/inzage/uitzonderingen", Map.of("caseId", caseId, "withheld", "strafrechtelijk", "reason", reason));

    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(recorded.getBody()).containsEntry("recordedBy", OFFICER).containsEntry("caseId", caseId);
    Map<String, Object> exported = caseOf(Rest.as(http, OFFICER).getJson("/api/inzage?bsn=" + bsn), caseId);
    Map<String, Object> variables = variables(exported, "signaalketen");
    assertThat(variables).doesNotContainKey("uitkomstWeging").containsKey("signaal").containsKey("gemeente");
    assertThat(variables.values()).noneMatch(v -> String.valueOf(v).contains("strafrechtelijk"));
    assertThat(list(exported, "exceptions")).hasSize(2).last()
        .satisfies(e -> assertThat(e).containsEntry("withheld", "strafrechtelijk").containsEntry("reason", reason)
            .containsEntry("recordedBy", OFFICER).containsKey("recordedAt"));
    // The reporter is a third party: their data is always withheld, and the export says so.
    assertThat(list(exported, "exceptions")).first().satisfies(e -> assertThat(e).containsEntry("withheld", "melder"));
    assertThat(variables).doesNotContainKeys("melderNaam", "melderContact");
  }

  @Test
  void whatEachPartnerContributedToTheWeighingIsInTheExport() {
    String bsn = uniqueBsn();
    String caseId = closedCase(bsn, "geenActie");
    jdbc.sql("insert into sk_weighing_contribution (casus_id, weging_instance_id, round_no, partner_role,"
        + " contributes, summary, legal_basis, special_categories, shared_by, shared_at)"
        + " values (?, ?, 1, 'politie-expert-radicalisering', true, 'Twee incidenten in 2025.', 'wet-pga', true,"
        + " 'politie-expert-hm', current_timestamp)").params(caseId, "weging-" + caseId).update();

    Map<String, Object> exported = caseOf(Rest.as(http, OFFICER).getJson("/api/inzage?bsn=" + bsn), caseId);

    assertThat(list(exported, "weighingContributions")).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("partner_role", "politie-expert-radicalisering")
        .containsEntry("summary", "Twee incidenten in 2025.").containsEntry("legal_basis", "wet-pga"));
  }

  @Test
  void everyoneButThePrivacyOfficerIsRefused() {
    for (String user : List.of("adviseur-leiden", "meldpunt-leiden", "manager-hm", Rest.ADMIN)) {
      assertThat(Rest.as(http, user).get("/api/inzage?bsn=123456782").getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(Rest.as(http, user).send(HttpMethod.POST, "/api/inzage/uitzonderingen",
          Map.of("caseId", "SK-1", "withheld", "politie", "reason", "test")).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(Rest.anonymous(http).get("/api/inzage?bsn=123456782").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badInputIsRefusedNamingTheFields() {
    Rest officer = Rest.as(http, OFFICER);
    assertThat(errors(officer.getJson("/api/inzage"))).containsKeys("bsn", "naam", "geboortedatum");
    assertThat(errors(officer.getJson("/api/inzage?naam=Jan"))).containsOnlyKeys("geboortedatum");
    assertThat(errors(officer.getJson("/api/inzage?bsn=12ab"))).containsOnlyKeys("bsn");
    assertThat(errors(officer.getJson("/api/inzage?naam=Jan&geboortedatum=28-02-2007"))).containsOnlyKeys("geboortedatum");

    String caseId = closedCase(uniqueBsn(), "geenActie");
    assertThat(errors(officer.send(HttpMethod.POST, "/api/inzage/uitzonderingen",
        Map.of("caseId", caseId, "withheld", "politie", "reason", " ")))).containsOnlyKeys("reason");
    assertThat(officer.send(HttpMethod.POST, "/api/inzage/uitzonderingen",
        Map.of("caseId", "SK-BESTAAT-NIET", "withheld", "politie", "reason", "Bronbescherming.")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** A case of this person closed after weging with the given outcome (casusoverleg nee). */
  private String closedCase(String bsn, String uitkomstWeging) {
    String caseId = "SK-INZAGE-" + System.nanoTime();
    Map<String, Object> variables = signal("gemeente-leiden", bsn);
    variables.put(CaseKeys.CASE_ID, caseId);
    variables.put(CaseKeys.PERSON_KEY, personKeys.of(bsn, null, null));
    variables.put("uitkomstWeging", uitkomstWeging);
    runtime.createProcessInstanceByKey("signaalketen").businessKey(caseId).setVariables(variables)
        .startBeforeActivity("uitkomst-weging").execute();
    return caseId;
  }

  private static Map<String, Object> signal(String gemeente, String bsn) {
    Map<String, Object> variables = new HashMap<>(Cases.signal(gemeente));
    if (bsn != null) {
      variables.put("bsn", bsn);
    }
    return variables;
  }

  private static String uniqueBsn() {
    String digits = String.valueOf(System.nanoTime());
    return "9" + digits.substring(digits.length() - 8);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.get(key);
  }

  private static List<Map<String, Object>> cases(ResponseEntity<Map<String, Object>> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return list(answer.getBody(), "cases");
  }

  private static Map<String, Object> caseOf(ResponseEntity<Map<String, Object>> answer, String caseId) {
    return cases(answer).stream().filter(c -> caseId.equals(c.get("caseId"))).findFirst().orElseThrow();
  }

  private static List<Map<String, Object>> processes(Map<String, Object> exportedCase) {
    return list(exportedCase, "processes");
  }

  private static List<Map<String, Object>> notifications(Map<String, Object> exportedCase) {
    return list(exportedCase, "notifications");
  }

  private static Map<String, Object> variables(Map<String, Object> exportedCase, String process) {
    Map<String, Object> values = new HashMap<>();
    processes(exportedCase).stream().filter(p -> process.equals(p.get("process")))
        .flatMap(p -> list(p, "variables").stream()).forEach(v -> values.put((String) v.get("name"), v.get("value")));
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errors(ResponseEntity<Map<String, Object>> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return (Map<String, Object>) answer.getBody().get("errors");
  }
}
