package nl.signaalketen.feedback;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
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
    return history.createHistoricVariableInstanceQuery().variableName(REPORTER_USER)
        .variableValueEquals(REPORTER_USER, userId).list().stream()
        .map(v -> history.createHistoricProcessInstanceQuery()
            .processInstanceId(v.getProcessInstanceId()).singleResult())
        .filter(p -> p != null && "signaalketen".equals(p.getProcessDefinitionKey())
            && p.getBusinessKey() != null)
        .map(p -> latest(p.getBusinessKey()))
        .flatMap(Optional::stream)
        .toList();
  }

  public Optional<Status> of(String userId, String casusId) {
    return reportedBy(userId).stream().filter(s -> s.casusId().equals(casusId)).findFirst();
  }

  private Optional<Status> latest(String casusId) {
    return jdbc.sql("select case_ref, body, created_at from sk_notification"
            + " where case_ref = ? and kind like 'terugkoppeling-%' order by id desc")
        .param(casusId)
        .query((rs, n) -> new Status(rs.getString(1), rs.getString(2),
            rs.getTimestamp(3).toLocalDateTime()))
        .list().stream().findFirst();
  }
}
