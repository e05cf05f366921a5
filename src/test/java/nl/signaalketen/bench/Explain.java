package nl.signaalketen.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the queries that took the most database time in a phase, with the
 * parameters of their slowest execution as the JDBC proxy saw them. Run inside a transaction that
 * is rolled back; statements that change data are only EXPLAINed, not run.
 */
final class Explain {

  private static final Pattern SEQ_SCAN = Pattern.compile(
      "Seq Scan on (\\w+)(?:.*actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+) loops=(\\d+))?");
  private static final Pattern REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");

  private Explain() {}

  static void hottest(Connection db, App app, String phase, int top, ArrayNode into) throws SQLException {
    List<SqlMeter.QueryStats> hot = app.sql.hottest(phase, top);
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      int rank = 0;
      for (SqlMeter.QueryStats q : hot) {
        rank++;
        ObjectNode n = into.addObject();
        n.put("app", app.name);
        n.put("phase", phase);
        n.put("rank", rank);
        n.put("executions", q.count.sum());
        n.put("totalMs", IntakeBlock.round(q.nanos.sum() / 1e6, 1));
        n.put("meanMs", IntakeBlock.round(q.nanos.sum() / 1e6 / Math.max(1, q.count.sum()), 3));
        n.put("maxMs", IntakeBlock.round(q.maxNanos.get() / 1e6, 2));
        n.put("sql", q.sql);
        ArrayNode params = n.putArray("parameters");
        q.slowestParameters.forEach(p -> params.add(p == null ? null : String.valueOf(p)));
        boolean select = q.sql.regionMatches(true, 0, "select", 0, 6) || q.sql.regionMatches(true, 0, "with", 0, 4);
        String explain = (select ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + q.sql;
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement p = db.prepareStatement(explain)) {
          int i = 1;
          for (Object value : q.slowestParameters) {
            if (value == null) {
              p.setNull(i++, Types.VARCHAR);
            } else {
              p.setObject(i++, value);
            }
          }
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
        } catch (SQLException e) {
          plan.append("(could not EXPLAIN: ").append(e.getMessage()).append(")\n");
        }
        db.rollback();
        n.put("plan", plan.toString());
        ArrayNode scans = n.putArray("seqScans");
        String[] lines = plan.toString().split("\n");
        for (int l = 0; l < lines.length; l++) {
          Matcher m = SEQ_SCAN.matcher(lines[l]);
          if (!m.find()) {
            continue;
          }
          long loops = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
          long rows = m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * loops;
          for (int j = l + 1; j < lines.length && !lines[j].contains("->"); j++) {
            Matcher r = REMOVED.matcher(lines[j]);
            if (r.find()) {
              rows += Long.parseLong(r.group(1)) * loops;
            }
          }
          scans.addObject().put("table", m.group(1)).put("rowsVisited", rows);
        }
      }
    } finally {
      db.rollback();
      db.setAutoCommit(auto);
    }
  }
}
