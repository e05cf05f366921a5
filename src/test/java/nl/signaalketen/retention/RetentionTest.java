package nl.signaalketen.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Retention with moved clocks: the case is closed years ago (engine clock), the job runs at a day
 * before and at the day of expiry (its own clock). Cases of other tests closed today never expire
 * at those moments, so the job leaves them alone.
 */
@IntegrationTest
class RetentionTest {

  private static final ZoneId ZONE = ZoneId.systemDefault();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CaseHistory caseHistory;
  @Autowired CaseTables tables;
  @Autowired CaseReferenceHash hash;
  @Autowired RetentionSettings settings;
  @Autowired InzageExceptions exceptions;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void engineBackToRealTime() {
    ClockUtil.reset();
  }

  @Test
  void aSignalNotTakenUpIsKeptForItsTermAndThenLeavesNothingButALineInTheDeletionLog() {
    Instant closedAt = LocalDate.now(ZONE).minusYears(6).atTime(10, 0).atZone(ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(closedAt));
    ProcessInstance main = runtime.startProcessInstanceByKey("signaalketen", Cases.signal("gemeente-leiden"));
    String casusId = (String) runtime.getVariable(main.getId(), "casusId");
    var duiden = tasks.createTaskQuery().processInstanceBusinessKey(casusId).singleResult();
    tasks.complete(duiden.getId(), Cases.duiding(true, false, false)); // no radicalisation, no care need
    ClockUtil.reset();
    exceptions.record(casusId, "melderContact", "Bescherming van de melder.", "privacy-leiden",
        LocalDateTime.now());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(main.getId())
        .singleResult().getEndTime()).isEqualTo(Date.from(closedAt));
    List<String> instances = instanceIds(casusId);
    List<String> taskIds = taskIds(instances);
    assertThat(instances).hasSize(2); // signaalketen and its melding phase

    LocalDate expiresOn = LocalDate.ofInstant(closedAt, ZONE).plusDays(1825);
    jobAt(expiresOn.minusDays(1), settings).run();

    assertThat(registration(main.getId())).containsEntry("category", "niet-opgepakt")
        .containsEntry("term", "P1825D").containsEntry("expires_on", java.sql.Date.valueOf(expiresOn));
    assertThat(engineRows(main.getId())).as("engine history rows per table").isNotEmpty()
        .containsKeys("act_hi_procinst", "act_hi_varinst", "act_hi_actinst", "act_hi_identitylink",
            "act_hi_decinst");
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(taskIds.get(0)).count()).isPositive();
    assertThat(tables.rows(casusId).get(CaseTables.NOTIFICATIONS)).hasSize(2);
    assertThat(tables.rows(casusId).get(CaseTables.INZAGE_EXCEPTIONS)).hasSize(1);
    runRemovalTimeBatches();
    Date removal = Date.from(expiresOn.atStartOfDay(ZONE).toInstant());
    assertThat(historicInstances(instances)).extracting(HistoricProcessInstance::getRemovalTime)
        .containsOnly(removal);

    jobAt(expiresOn, settings).run();

    assertThat(historicInstances(instances)).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(main.getId()).count()).isZero();
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(taskIds.get(0)).count()).isZero();
    assertThat(instances).allSatisfy(id ->
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isZero());
    assertThat(engineRows(main.getId())).as("engine rows left for the case").isEmpty();
    assertThat(authorizations(instances)).as("grants on the case's instances").isZero();
    assertThat(tables.rows(casusId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
    assertThat(registration(main.getId())).isNull();
    assertDeletionLogged(casusId, "niet-opgepakt", "P1825D", expiresOn);
  }

  @Test
  void aPgaCaseIsKeptForThePgaTermNotTheShorterTermOfASignal() {
    RetentionSettings pgaLonger = new RetentionSettings(
        Map.of("niet-opgepakt", Period.ofDays(1825), "pga", Period.ofDays(3650)), "");
    Instant closedAt = LocalDate.now(ZONE).minusYears(11).atTime(15, 0).atZone(ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(closedAt));
    String casusId = "SK-RETENTIE-" + System.nanoTime();
    Map<String, Object> variables = new HashMap<>(Cases.signal("gemeente-leiden"));
    variables.put("casusId", casusId);
    variables.put("planRonde", 0);
    variables.put("uitkomstWeging", "pga");
    ProcessInstance main = runtime.createProcessInstanceByKey("signaalketen").businessKey(casusId)
        .setVariables(variables).startBeforeActivity("uitkomst-weging").execute();
    // What the police contributed to the weging (content outside the engine, see WeighingContributions).
    jdbc.sql("insert into sk_weighing_contribution (casus_id, weging_instance_id, round_no, partner_role,"
        + " contributes, summary, special_categories, shared_by, shared_at) values (?, ?, 1,"
        + " 'politie-expert-radicalisering', true, 'Twee incidenten.', true, 'politie-expert-hm', ?)")
        .params(casusId, "weging-" + casusId, java.sql.Timestamp.from(closedAt)).update();
    // The casusoverleg is held; the case then closes after nazorg.
    runtime.setVariable(main.getId(), "nazorgUitkomst", "afgesloten");
    runtime.createProcessInstanceModification(main.getId()).cancelAllForActivity("casusoverleg")
        .startBeforeActivity("uitkomst-nazorg").execute();
    ClockUtil.reset();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(main.getId()).count()).isZero();
    List<String> instances = instanceIds(casusId);
    LocalDate closedOn = LocalDate.ofInstant(closedAt, ZONE);

    jobAt(closedOn.plusDays(1825 + 1), pgaLonger).run();

    assertThat(registration(main.getId())).containsEntry("category", "pga").containsEntry("term", "P3650D");
    assertThat(historicInstances(instances)).hasSize(instances.size()).hasSizeGreaterThan(1);
    assertThat(tables.rows(casusId).get(CaseTables.NOTIFICATIONS)).isNotEmpty();
    assertThat(tables.rows(casusId).get(CaseTables.WEIGHING_CONTRIBUTIONS)).hasSize(1);

    jobAt(closedOn.plusDays(3650), pgaLonger).run();

    assertThat(historicInstances(instances)).isEmpty();
    assertThat(engineRows(main.getId())).isEmpty();
    assertThat(tables.rows(casusId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
    assertDeletionLogged(casusId, "pga", "P3650D", closedOn.plusDays(3650));
  }

  private RetentionJob jobAt(LocalDate day, RetentionSettings terms) {
    Clock moved = Clock.fixed(day.atTime(0, 30).atZone(ZONE).toInstant(), ZONE);
    return new RetentionJob(caseHistory, tables, hash, terms, jdbc, transactions, moved);
  }

  private void assertDeletionLogged(String casusId, String category, String term, LocalDate on) {
    List<Map<String, Object>> lines = jdbc.sql("select * from sk_deletion_log where case_hash = ?")
        .param(hash.of(casusId)).query().listOfRows();
    assertThat(lines).hasSize(1);
    Map<String, Object> line = lines.get(0);
    assertThat(line).containsEntry("category", category).containsEntry("term", term);
    assertThat(((java.sql.Timestamp) line.get("deleted_at")).toLocalDateTime().toLocalDate()).isEqualTo(on);
    // Salted: neither the reference itself nor its plain SHA-256 is what the log keeps.
    assertThat((String) line.get("case_hash")).hasSize(64).doesNotContain(casusId)
        .isNotEqualTo(sha256(casusId));
    assertThat(jdbc.sql("select count(*) from sk_deletion_log where case_hash = ?")
        .param(casusId).query(Long.class).single()).isZero();
  }

  /** Every engine table with a root process instance column, and how many rows it has for the case. */
  private Map<String, Long> engineRows(String rootId) {
    Map<String, Long> found = new HashMap<>();
    for (String table : jdbc.sql("select table_name from information_schema.columns"
        + " where column_name = 'root_proc_inst_id_' and table_schema = current_schema()")
        .query(String.class).list()) {
      long count = jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ = ?")
          .param(rootId).query(Long.class).single();
      if (count > 0) {
        found.put(table, count);
      }
    }
    return found;
  }

  private long authorizations(List<String> instanceIds) {
    return jdbc.sql("select count(*) from act_ru_authorization where resource_id_ in (:ids)")
        .param("ids", instanceIds).query(Long.class).single();
  }

  private Map<String, Object> registration(String rootId) {
    return jdbc.sql("select * from sk_retention_case where root_instance_id = ?").param(rootId)
        .query().listOfRows().stream().findFirst().orElse(null);
  }

  private List<String> instanceIds(String casusId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(casusId)
        .orderByProcessInstanceStartTime().asc().list().stream().map(HistoricProcessInstance::getId).toList();
  }

  private List<HistoricProcessInstance> historicInstances(List<String> ids) {
    return history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list();
  }

  private List<String> taskIds(List<String> instances) {
    return instances.stream().flatMap(id -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(id).list().stream()).map(HistoricTaskInstance::getId).toList();
  }

  /** The job executor is off in tests: run the removal-time batches' jobs by hand. */
  private void runRemovalTimeBatches() {
    for (int round = 0; round < 20; round++) {
      List<Batch> batches = management.createBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).list();
      if (batches.isEmpty()) {
        return;
      }
      for (Batch batch : batches) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId())) {
          management.createJobQuery().jobDefinitionId(definition).list()
              .forEach(job -> management.executeJob(job.getId()));
        }
      }
    }
    fail("removal-time batches did not finish");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
