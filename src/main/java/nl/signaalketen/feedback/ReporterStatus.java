package nl.signaalketen.feedback;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.signaalketen.casefile.CaseKeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a reporter may know: for each signal they reported themselves, the last status they were
 * sent. Never the case's content, participants or tasks.
 */
@Service
public class ReporterStatus {

  /** The chain records who reported (the Tasklist user who started it, or informatie-delen). */
  public static final String REPORTER_USER = "melderGebruiker";

  public record Status(String casusId, String status, LocalDateTime since) {}

  private final HistoryService history;
  private final JdbcClient jdbc;

  public ReporterStatus(HistoryService history, JdbcClient jdbc) {
    this.history = history;
    this.jdbc = jdbc;
  }

  public List<Status> reportedBy(String userId) {
    return latest(reports(userId).list());
  }

  public Optional<Status> of(String userId, String casusId) {
    return latest(reports(userId).processInstanceBusinessKey(casusId).list()).stream().findFirst();
  }

  /** The chains this user reported (running or closed): one query on the engine's history. */
  private HistoricProcessInstanceQuery reports(String userId) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseKeys.CHAIN_PROCESS)
        .variableValueEquals(REPORTER_USER, userId);
  }

  private List<Status> latest(List<HistoricProcessInstance> chains) {
    return chains.stream().map(HistoricProcessInstance::getBusinessKey).filter(Objects::nonNull)
        .map(this::latest).flatMap(Optional::stream).toList();
  }

  private Optional<Status> latest(String casusId) {
    return jdbc.sql("select case_ref, body, created_at from sk_notification"
            + " where case_ref = ? and kind like 'terugkoppeling-%' order by id desc fetch first 1 row only")
        .param(casusId)
        .query((rs, n) -> new Status(rs.getString(1), rs.getString(2),
            rs.getTimestamp(3).toLocalDateTime()))
        .optional();
  }
}
