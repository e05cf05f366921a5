package nl.signaalketen.sharing;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * sk_access_log: who read a case's data (or tried to change the register), when, of which case,
 * which category (the special categories it held, else {@value #CASE_DATA}), through which
 * channel. Never the content. Append-only like the register.
 */
@Repository
public class AccessLog {

  /** Kinds of line. */
  public static final String READ = "inzage";
  public static final String EXPORT = "export";
  public static final String CHANGE_ATTEMPT = "poging-wijziging";
  /** The category of a read of case data that holds no special category. */
  public static final String CASE_DATA = "casusgegevens";
  /** Channels. */
  public static final String API = "api";
  public static final String TASK_FORM = "taakformulier";
  public static final String ENGINE_API = "engine-api";

  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  /** One line of the log. */
  public record Line(LocalDateTime accessedAt, String userId, String casusId, String kind, String category,
      String channel, String objectRef) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public AccessLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String userId, String casusId, String kind, String category, String channel,
      String objectRef) {
    // The case reference and object come from a URL and may be anything: cut to the column.
    jdbc.sql("insert into sk_access_log (accessed_at, user_id, casus_id, kind, category, channel, object_ref)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(LocalDateTime.now(clock), cut(userId, 64), cut(casusId, 64), kind, cut(category, 400), channel,
            cut(objectRef, 100))
        .update();
    LOG.info("Access log: {} on case {} via {}", kind, cut(casusId, 64), channel);
  }

  public List<Line> forCase(String casusId) {
    return jdbc.sql("select accessed_at, user_id, casus_id, kind, category, channel, object_ref"
            + " from sk_access_log where casus_id = ? order by id")
        .param(casusId).query(Line.class).list();
  }

  private static String cut(String value, int max) {
    if (value == null) {
      return "";
    }
    String clean = value.replaceAll("[\\r\\n\\t]", " ");
    return clean.length() <= max ? clean : clean.substring(0, max);
  }
}
