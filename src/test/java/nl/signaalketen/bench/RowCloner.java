package nl.signaalketen.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fast fill: copies the database rows of real template cases (started through the real REST
 * start) many times over, with generate_series, so the background volume has exactly the rows the
 * real chain wrote, only with other ids.
 *
 * <p>Which rows belong to a template is found from the schema at run time, not from a list: every
 * runtime and history table of the engine, its byte arrays, and every own table ({@code sk_*},
 * whatever a colleague adds) is searched for rows whose text columns name an id of the template's
 * instances (executions, tasks, variables, activity instances, ... found transitively) or its case
 * reference or person key. Each copy gets every such value varied: an id keeps its length (its
 * last 12 characters become {@code zz} and the copy number, which no generated UUID contains), a
 * case reference gets {@code -n} appended, a person key its last 12 characters replaced. Identity
 * columns of own tables are left to the database. An own table that refers to a copied own row by
 * a generated key cannot be copied this way: that fails loudly, naming the table.
 */
final class RowCloner {

  private static final String SCHEMA = "bench_tpl";
  /** Engine tables that hold no case data (definitions, identity, properties, metrics). */
  private static final Set<String> ENGINE_TABLES_SKIPPED = Set.of("act_ge_property", "act_ge_schema_log",
      "act_ru_meter_log", "act_ru_task_meter_log", "act_ru_filter", "act_ru_batch", "act_hi_batch");

  private final Connection db;
  private final Map<String, List<Column>> tables = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Map<String, Integer> clonesMade = new HashMap<>();
  private final Map<String, Long> templateRows = new TreeMap<>();

  /** The most a copy's timestamps move back: enough to interleave, too little to make work overdue. */
  private static final int SHIFT_SECONDS = 6 * 3600;

  record Column(String name, String type, boolean text, boolean identity) {}

  RowCloner(Connection db) {
    this.db = db;
  }

  /** Rows per table of all templates together (what one copy of every template adds). */
  Map<String, Long> templateRows() {
    return templateRows;
  }

  /**
   * Takes the templates' rows into schema bench_tpl, each tagged with the root instance it belongs
   * to. The templates are the process instance trees of these root instances.
   */
  void snapshot(Collection<String> rootInstanceIds) throws SQLException {
    exec("drop schema if exists " + SCHEMA + " cascade");
    exec("create schema " + SCHEMA);
    exec("create table " + SCHEMA + ".ids (id text primary key, root text not null)");
    exec("create table " + SCHEMA + ".vals (val text primary key, kind char(1) not null, root text not null)");
    try (PreparedStatement p = db.prepareStatement("insert into " + SCHEMA + ".ids values (?, ?) on conflict do nothing")) {
      for (String root : rootInstanceIds) {
        p.setString(1, root);
        p.setString(2, root);
        p.addBatch();
      }
      p.executeBatch();
    }
    exec("insert into " + SCHEMA + ".ids select e.id_, e.root_proc_inst_id_ from act_ru_execution e join " + SCHEMA
        + ".ids r on r.id = e.root_proc_inst_id_ and r.id = r.root on conflict do nothing");
    exec("insert into " + SCHEMA + ".ids select h.id_, h.root_proc_inst_id_ from act_hi_procinst h join " + SCHEMA
        + ".ids r on r.id = h.root_proc_inst_id_ and r.id = r.root on conflict do nothing");
    // The case reference (business key of every phase) and the person key vary per copy too.
    exec("insert into " + SCHEMA + ".vals select distinct e.business_key_, 'c', e.id_ from act_ru_execution e join "
        + SCHEMA + ".ids r on r.id = e.id_ and r.id = r.root where e.business_key_ is not null on conflict do nothing");
    exec("insert into " + SCHEMA + ".vals select distinct v.text_, 'p', v.proc_inst_id_ from act_ru_variable v join "
        + SCHEMA + ".ids r on r.id = v.proc_inst_id_ and r.id = r.root where v.name_ = 'persoonSleutel'"
        + " and v.text_ is not null on conflict do nothing");
    readSchema();
    // Transitively: a row naming a known id is a template row; its own id and the byte arrays it
    // names become known ids too.
    long known = -1;
    for (int round = 0; round < 10 && known != count(SCHEMA + ".ids"); round++) {
      known = count(SCHEMA + ".ids");
      for (String table : tables.keySet()) {
        List<Column> text = textColumns(table);
        if (text.isEmpty()) {
          continue;
        }
        String root = rootExpression(table, text, false);
        if (has(table, "id_")) {
          exec("insert into " + SCHEMA + ".ids select id_, root from (select t.id_, " + root + " as root from "
              + table + " t " + joins(text, false) + ") x where root is not null and id_ is not null on conflict do nothing");
        }
        for (Column c : text) {
          if (c.name().endsWith("bytearray_id_") || c.name().endsWith("stack_id_") || c.name().endsWith("details_id_")) {
            exec("insert into " + SCHEMA + ".ids select ref, root from (select t." + c.name() + " as ref, " + root
                + " as root from " + table + " t " + joins(text, false) + ") x where root is not null and ref is not null"
                + " on conflict do nothing");
          }
        }
      }
    }
    templateRows.clear();
    for (String table : tables.keySet()) {
      List<Column> text = textColumns(table);
      if (text.isEmpty()) {
        continue;
      }
      StringBuilder kinds = new StringBuilder();
      for (int i = 0; i < text.size(); i++) {
        kinds.append(", case when i").append(i).append(".id is not null then 'i' else v").append(i)
            .append(".kind end as \"bench_k_").append(text.get(i).name()).append('"');
      }
      String select = "select t.*, " + rootExpression(table, text, true) + " as bench_root_" + kinds + " from "
          + table + " t " + joins(text, true);
      exec("create table " + SCHEMA + "." + table + " as select * from (" + select + ") x where bench_root_ is not null");
      long rows = count(SCHEMA + "." + table);
      if (rows == 0) {
        exec("drop table " + SCHEMA + "." + table);
      } else {
        templateRows.put(table, rows);
      }
    }
    checkOwnTablesCanBeCopied();
    exec("create table " + SCHEMA + ".plan (root text primary key, k_from int not null, k_to int not null)");
  }

  /**
   * Adds copies: {@code copies.get(root)} more of each template. Answers rows inserted per table.
   */
  Map<String, Long> clone(Map<String, Integer> copies) throws SQLException {
    exec("truncate " + SCHEMA + ".plan");
    try (PreparedStatement p = db.prepareStatement("insert into " + SCHEMA + ".plan values (?, ?, ?)")) {
      for (Map.Entry<String, Integer> e : copies.entrySet()) {
        if (e.getValue() <= 0) {
          continue;
        }
        int made = clonesMade.getOrDefault(e.getKey(), 0);
        p.setString(1, e.getKey());
        p.setInt(2, made + 1);
        p.setInt(3, made + e.getValue());
        p.addBatch();
        clonesMade.put(e.getKey(), made + e.getValue());
      }
      p.executeBatch();
    }
    exec("analyze " + SCHEMA + ".plan");
    Map<String, Long> inserted = new LinkedHashMap<>();
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      for (String table : order) {
        if (!templateRows.containsKey(table)) {
          continue;
        }
        List<String> targets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : tables.get(table)) {
          if (c.identity()) {
            continue;
          }
          targets.add(c.name());
          values.add(c.text() ? varied(c.name()) : c.type().startsWith("timestamp") ? shifted(c.name()) : "t." + c.name());
        }
        String sql = "insert into " + table + " (" + String.join(", ", targets) + ") select " + String.join(", ", values)
            + " from " + SCHEMA + "." + table + " t join " + SCHEMA + ".plan p on p.root = t.bench_root_"
            + " cross join lateral generate_series(p.k_from, p.k_to) k";
        try (Statement s = db.createStatement()) {
          inserted.put(table, (long) s.executeUpdate(sql));
        } catch (SQLException e) {
          throw new SQLException("Could not copy the template rows of table " + table + ": " + e.getMessage(), e);
        }
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(auto);
    }
    return inserted;
  }

  /** Per template root: rows of a copied table matching a condition on its columns (alias t). */
  Map<String, Long> countByRoot(String table, String where) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    if (!templateRows.containsKey(table)) {
      return counts;
    }
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select bench_root_, count(*) from "
        + SCHEMA + "." + table + " t where " + where + " group by bench_root_")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  /**
   * A copy's moments, all moved back by the same few hours (by copy and template): the copies of a
   * template are spread over time among the others, as real work is, instead of sharing its
   * timestamps, which would put one region's tasks together in every index on time.
   */
  private static String shifted(String column) {
    return "t." + column + " - ((k * 7919 + abs(hashtext(p.root)::bigint)) % " + SHIFT_SECONDS + ") * interval '1 second'";
  }

  private static String varied(String column) {
    String c = "t." + column;
    String k = "\"bench_k_" + column + "\"";
    String keepLength = "left(" + c + ", length(" + c + ") - 12) || 'zz' || lpad(k::text, 10, '0')";
    return "case t." + k
        + " when 'i' then case when length(" + c + ") >= 30 then " + keepLength + " else " + c + " || '-' || k end"
        + " when 'c' then " + c + " || '-' || k"
        + " when 'p' then case when length(" + c + ") >= 24 then " + keepLength + " else " + c + " || '-' || k end"
        + " else " + c + " end";
  }

  private String rootExpression(String table, List<Column> text, boolean withValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      parts.add("i" + i + ".root");
    }
    if (withValues) {
      for (int i = 0; i < text.size(); i++) {
        parts.add("v" + i + ".root");
      }
    }
    return parts.size() == 1 ? parts.get(0) : "coalesce(" + String.join(", ", parts) + ")";
  }

  private String joins(List<Column> text, boolean withValues) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < text.size(); i++) {
      sql.append(" left join ").append(SCHEMA).append(".ids i").append(i).append(" on i").append(i)
          .append(".id = t.").append(text.get(i).name());
      if (withValues) {
        sql.append(" left join ").append(SCHEMA).append(".vals v").append(i).append(" on v").append(i)
            .append(".val = t.").append(text.get(i).name());
      }
    }
    return sql.toString();
  }

  /** For the engine's tables only text columns that may hold an id; for own tables every text column. */
  private List<Column> textColumns(String table) {
    return tables.get(table).stream().filter(Column::text).toList();
  }

  private boolean has(String table, String column) {
    return tables.get(table).stream().anyMatch(c -> c.name().equals(column));
  }

  /** The engine's runtime and history tables and every own table, in foreign-key order. */
  private void readSchema() throws SQLException {
    tables.clear();
    order.clear();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "select c.table_name, c.column_name, c.data_type, c.is_identity, c.column_default from information_schema.columns c"
            + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
            + " where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
            + " and (c.table_name like 'act\\_ru\\_%' or c.table_name like 'act\\_hi\\_%'"
            + " or c.table_name = 'act_ge_bytearray' or c.table_name like 'sk\\_%')"
            + " order by c.table_name, c.ordinal_position")) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (ENGINE_TABLES_SKIPPED.contains(table) || table.equals("sk_flyway_history")) {
          continue;
        }
        String type = rs.getString(3);
        boolean text = type.equals("character varying") || type.equals("text") || type.equals("character");
        String dflt = rs.getString(5);
        boolean identity = "YES".equals(rs.getString(4)) || (dflt != null && dflt.startsWith("nextval("));
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(rs.getString(2), type, text, identity));
      }
    }
    Map<String, Set<String>> parents = new HashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "select cl.relname, pcl.relname from pg_constraint c join pg_class cl on cl.oid = c.conrelid"
            + " join pg_class pcl on pcl.oid = c.confrelid join pg_namespace n on n.oid = cl.relnamespace"
            + " where c.contype = 'f' and n.nspname = 'public'")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(rs.getString(2))) {
          parents.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    Set<String> done = new LinkedHashSet<>();
    for (String table : tables.keySet()) {
      visit(table, parents, done, new HashSet<>());
    }
    order.addAll(done);
  }

  private void visit(String table, Map<String, Set<String>> parents, Set<String> done, Set<String> path) {
    if (done.contains(table) || !path.add(table)) {
      return;
    }
    for (String parent : parents.getOrDefault(table, Set.of())) {
      if (tables.containsKey(parent)) {
        visit(parent, parents, done, path);
      }
    }
    done.add(table);
  }

  /**
   * An own table with template rows whose foreign key points at a generated (identity) key of
   * another own table with template rows: the copy would point at the template's parent row.
   */
  private void checkOwnTablesCanBeCopied() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "select cl.relname, pcl.relname, a.attname from pg_constraint c join pg_class cl on cl.oid = c.conrelid"
            + " join pg_class pcl on pcl.oid = c.confrelid join pg_namespace n on n.oid = cl.relnamespace"
            + " join pg_attribute a on a.attrelid = c.confrelid and a.attnum = any(c.confkey)"
            + " where c.contype = 'f' and n.nspname = 'public' and cl.relname like 'sk\\_%'")) {
      while (rs.next()) {
        String child = rs.getString(1);
        String parent = rs.getString(2);
        String key = rs.getString(3);
        boolean generated = tables.getOrDefault(parent, List.of()).stream()
            .anyMatch(c -> c.name().equals(key) && c.identity());
        if (generated && templateRows.containsKey(child) && templateRows.containsKey(parent)) {
          throw new IllegalStateException("Own table " + child + " refers to " + parent + "." + key
              + ", a generated key, for rows of the template cases: the bench's fast fill cannot copy it."
              + " Teach RowCloner this table, or key it by case reference or instance id.");
        }
      }
    }
  }

  private long count(String table) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }
}
