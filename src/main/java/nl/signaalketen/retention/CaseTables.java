package nl.signaalketen.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Our own tables that hold rows of a case, and the column naming the case. A fixed list: Flyway
 * creates every one of them, and a table that is renamed or gone must fail the read and the
 * deletion loudly, not be skipped while its personal data stays. A table a later migration adds
 * with case rows belongs in {@link #TABLES}. Names come from this list, never from a request.
 */
@Component
public class CaseTables {

  public static final String NOTIFICATIONS = "sk_notification";
  public static final String SHARING_REGISTER = "sk_sharing_entry";
  public static final String ACCESS_LOG = "sk_access_log";
  public static final String INZAGE_EXCEPTIONS = "sk_inzage_exception";
  public static final String WEIGHING_CONTRIBUTIONS = "sk_weighing_contribution";
  /** Empty for a closed case (its row goes when the instance ends); listed so a left-over row goes too. */
  public static final String RUNNING_CASES = "sk_running_case";

  /** A table with rows of a case, and its column that holds the case reference. */
  record Table(String name, String caseColumn) {}

  /** Deleted in this order (dependants first); sk_retention_case and sk_deletion_log are the job's. */
  static final List<Table> TABLES = List.of(
      new Table(ACCESS_LOG, "casus_id"),
      new Table(SHARING_REGISTER, "casus_id"),
      new Table(WEIGHING_CONTRIBUTIONS, "casus_id"),
      new Table(RUNNING_CASES, "casus_id"),
      new Table(NOTIFICATIONS, "case_ref"),
      new Table(INZAGE_EXCEPTIONS, "case_ref"));

  private final JdbcTemplate jdbc;

  public CaseTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's rows per table (column names in lower case), oldest first. */
  public Map<String, List<Map<String, Object>>> rows(String caseRef) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (Table table : TABLES) {
      rows.put(table.name(), jdbc.queryForList("select * from " + table.name() + " where "
              + table.caseColumn() + " = ? order by 1", caseRef)
          .stream().map(CaseTables::lowerCaseKeys).toList());
    }
    return rows;
  }

  /** Deletes the case's rows from every table; answers how many went. */
  public int delete(String caseRef) {
    int deleted = 0;
    for (Table table : TABLES) {
      deleted += jdbc.update("delete from " + table.name() + " where " + table.caseColumn() + " = ?", caseRef);
    }
    return deleted;
  }

  /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>();
    row.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
    return copy;
  }
}
