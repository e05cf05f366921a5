package nl.signaalketen.retention;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Our own tables that hold rows of a case, and the column naming the case. Looked up in the
 * database's metadata on each use, so a table another migration adds later (the sharing register,
 * the access log) is read and deleted as soon as it exists, and a missing one is skipped. Table
 * and column names come from the constants below and the metadata, never from a request.
 */
@Component
public class CaseTables {

  public static final String NOTIFICATIONS = "sk_notification";
  public static final String SHARING_REGISTER = "sk_sharing_entry";
  public static final String ACCESS_LOG = "sk_access_log";
  public static final String INZAGE_EXCEPTIONS = "sk_inzage_exception";
  public static final String WEIGHING_CONTRIBUTIONS = "sk_weighing_contribution";

  /** Deleted in this order (dependants first); sk_retention_case and sk_deletion_log are the job's. */
  static final List<String> TABLES =
      List.of(ACCESS_LOG, SHARING_REGISTER, WEIGHING_CONTRIBUTIONS, NOTIFICATIONS, INZAGE_EXCEPTIONS);
  /** The first of these a table has names the case (our tables say case_ref). */
  static final List<String> CASE_COLUMNS = List.of("case_ref", "casus_id", "case_id");

  private final JdbcTemplate jdbc;

  public CaseTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Table → case column, for the tables of {@link #TABLES} that exist now. */
  public Map<String, String> present() {
    return jdbc.execute((ConnectionCallback<Map<String, String>>) connection -> {
      DatabaseMetaData meta = connection.getMetaData();
      Map<String, String> found = new LinkedHashMap<>();
      for (String table : TABLES) {
        Set<String> columns = columns(meta, connection.getSchema(), table);
        CASE_COLUMNS.stream().filter(columns::contains).findFirst()
            .ifPresent(column -> found.put(table, column));
      }
      return found;
    });
  }

  /** The case's rows per present table (column names in lower case), oldest first. */
  public Map<String, List<Map<String, Object>>> rows(String caseRef) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    present().forEach((table, column) -> rows.put(table,
        jdbc.queryForList("select * from " + table + " where " + column + " = ? order by 1", caseRef)
            .stream().map(CaseTables::lowerCaseKeys).toList()));
    return rows;
  }

  /** Deletes the case's rows from every present table; answers how many went. */
  public int delete(String caseRef) {
    int deleted = 0;
    for (Map.Entry<String, String> t : present().entrySet()) {
      deleted += jdbc.update("delete from " + t.getKey() + " where " + t.getValue() + " = ?", caseRef);
    }
    return deleted;
  }

  private static Set<String> columns(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
    String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    Set<String> columns = new HashSet<>();
    try (ResultSet result = meta.getColumns(null, schema, name, null)) {
      while (result.next()) {
        if (!table.equalsIgnoreCase(result.getString("TABLE_NAME"))) {
          continue; // '_' is a wildcard in metadata patterns
        }
        columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>();
    row.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
    return copy;
  }
}
