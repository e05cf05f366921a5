package nl.signaalketen.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes cases whose retention term has passed (DOMAIN.md rule 5), nightly before the engine's
 * history cleanup window. First it registers every case closed since the last run (category, term,
 * expiry day) and gives its engine history that expiry day as removal time, so the engine's own
 * removal-time-based cleanup deletes the history even should this job stop running. Then, per
 * expired case and in one transaction: our rows, the engine history, a line in sk_deletion_log.
 * Registering here rather than in an end listener also covers cancelled cases, and the removal-time
 * API only sees history that is committed (a signal that joins a running case starts and ends in
 * one transaction).
 */
@Component
public class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final int PAGE = 500;

  private final CaseHistory history;
  private final CaseTables tables;
  private final CaseReferenceHash hash;
  private final RetentionSettings settings;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public RetentionJob(CaseHistory history, CaseTables tables, CaseReferenceHash hash,
      RetentionSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions,
      Clock clock) {
    this.history = history;
    this.tables = tables;
    this.hash = hash;
    this.settings = settings;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Once per cluster (a lock per run); a node that does not get it skips the night. */
  @Scheduled(cron = "${signaalketen.retention.cron:0 30 0 * * *}")
  @SchedulerLock(name = "bewaartermijnen", lockAtMostFor = "PT2H")
  public void run() {
    registerClosedCases();
    deleteExpiredCases();
  }

  /** Registers closed cases not seen before; answers how many. */
  public int registerClosedCases() {
    Set<String> known = new HashSet<>(jdbc.sql("select root_instance_id from sk_retention_case")
        .query(String.class).list());
    Map<LocalDate, List<Registration>> byExpiry = new TreeMap<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricProcessInstance> page = history.closedMainInstances(first, PAGE);
      page.stream().filter(main -> !known.contains(main.getId())).map(this::registration)
          .forEach(r -> byExpiry.computeIfAbsent(r.expiresOn(), d -> new java.util.ArrayList<>()).add(r));
      if (page.size() < PAGE) {
        break;
      }
    }
    // One removal-time batch per expiry day, not one per case.
    int registered = 0;
    for (Map.Entry<LocalDate, List<Registration>> day : byExpiry.entrySet()) {
      Date removal = Date.from(day.getKey().atStartOfDay(clock.getZone()).toInstant());
      List<Registration> cases = day.getValue();
      try {
        transaction.executeWithoutResult(status -> {
          cases.forEach(this::insert);
          history.setRemovalTime(removal, cases.stream().map(Registration::mainInstanceId).toList());
        });
        registered += cases.size();
      } catch (RuntimeException e) {
        // e.g. another node registered them at the same moment: the next run sorts it out
        LOG.warn("Retention: could not register {} closed cases expiring on {}: {}", cases.size(),
            day.getKey(), e.getMessage());
      }
    }
    return registered;
  }

  /** Deletes every registered case whose expiry day has come; answers how many. */
  public int deleteExpiredCases() {
    LocalDate today = LocalDate.now(clock);
    List<Registration> expired = jdbc.sql("select root_instance_id as main_instance_id, case_ref,"
            + " category, term, closed_on, expires_on from sk_retention_case where expires_on <= ?"
            + " order by expires_on").param(today)
        .query((rs, n) -> new Registration(rs.getString(1), rs.getString(2),
            RetentionCategory.ofCode(rs.getString(3)), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class))).list();
    int deleted = 0;
    for (Registration c : expired) {
      try {
        Boolean done = transaction.execute(status -> delete(c));
        deleted += Boolean.TRUE.equals(done) ? 1 : 0;
      } catch (RuntimeException e) {
        // One case must not keep the others: it is retried the next night.
        LOG.error("Retention: could not delete expired case {}", hash.of(c.caseRef()), e);
      }
    }
    return deleted;
  }

  private boolean delete(Registration c) {
    // Claiming the registration first makes a second node (or run) skip this case.
    if (jdbc.sql("delete from sk_retention_case where root_instance_id = ?")
        .param(c.mainInstanceId()).update() == 0) {
      return false;
    }
    int rows = tables.delete(c.caseRef());
    List<String> instanceIds = history.instances(c.caseRef(), c.mainInstanceId()).stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toList());
    int instances = history.delete(instanceIds);
    String reference = hash.of(c.caseRef());
    jdbc.sql("insert into sk_deletion_log (case_hash, deleted_at, category, term, closed_on)"
            + " values (?, ?, ?, ?, ?)")
        .params(reference, LocalDateTime.now(clock), c.category().code(), c.term(), c.closedOn())
        .update();
    LOG.info("Retention: case {} ({}, term {}) deleted: {} own rows, {} process instances",
        reference, c.category().code(), c.term(), rows, instances);
    return true;
  }

  private Registration registration(HistoricProcessInstance main) {
    String caseRef = history.caseRef(main);
    RetentionCategory category = history.category(caseRef, main.getId());
    LocalDate closedOn = LocalDate.ofInstant(main.getEndTime().toInstant(), clock.getZone());
    return new Registration(main.getId(), caseRef, category, settings.term(category).toString(),
        closedOn, settings.expiresOn(closedOn, category));
  }

  private void insert(Registration r) {
    jdbc.sql("insert into sk_retention_case (root_instance_id, case_ref, category, term, closed_on,"
            + " expires_on) values (?, ?, ?, ?, ?, ?)")
        .params(r.mainInstanceId(), r.caseRef(), r.category().code(), r.term(), r.closedOn(),
            r.expiresOn())
        .update();
  }

  record Registration(String mainInstanceId, String caseRef, RetentionCategory category,
      String term, LocalDate closedOn, LocalDate expiresOn) {}
}
