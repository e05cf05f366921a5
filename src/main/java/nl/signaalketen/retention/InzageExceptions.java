package nl.signaalketen.retention;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Recorded exceptions to the right of access (sk_inzage_exception); deleted with their case. */
@Repository
public class InzageExceptions {

  /** What of case {@code caseId} the export withholds ({@code withheld}), and why. */
  public record InzageException(long id, String caseId, String withheld, String reason,
      String recordedBy, LocalDateTime recordedAt) {}

  private static final String COLUMNS =
      "id, case_ref as case_id, withheld, reason, recorded_by, recorded_at";

  private final JdbcClient jdbc;

  public InzageExceptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<InzageException> forCase(String caseRef) {
    return jdbc.sql("select " + COLUMNS + " from sk_inzage_exception where case_ref = ? order by id")
        .param(caseRef).query(InzageException.class).list();
  }

  public InzageException record(String caseRef, String withheld, String reason, String user,
      LocalDateTime at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into sk_inzage_exception (case_ref, withheld, reason, recorded_by, recorded_at)"
            + " values (?, ?, ?, ?, ?)")
        .params(caseRef, withheld, reason, user, at).update(keys, "id");
    return new InzageException(keys.getKeyAs(Number.class).longValue(), caseRef, withheld, reason,
        user, at);
  }
}
