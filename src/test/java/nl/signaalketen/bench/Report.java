package nl.signaalketen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** target/bench/report.json (every figure) and report.md (product, twin, ratio per level; plans folded). */
final class Report {

  private final ObjectNode root = Http.JSON.createObjectNode();
  private final ObjectNode levels;

  Report(BenchSettings settings) {
    root.put("started", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    root.put("commit", git("rev-parse", "--short", "HEAD"));
    root.put("branch", git("rev-parse", "--abbrev-ref", "HEAD"));
    root.set("settings", Http.JSON.valueToTree(settings.asMap()));
    ObjectNode method = root.putObject("method");
    method.put("sqlStatements", "datasource-proxy around each app's DataSource: every statement sent"
        + " (each element of a JDBC batch counts), and JDBC round trips");
    method.put("dbTime", "time spent in JDBC execute calls (client side, loopback), per signal or call");
    method.put("intake", "POST /engine-rest/process-definition/key/signaalketen/start (twin: /engine-rest/engine/twin/...),"
        + " product as the gemeente's meldpunt with HTTP Basic, variables as testsupport.RestCase; 2 clients");
    method.put("tasklist", "webapp session login as Tasklist does it, then per filter POST filter/{id}/list?firstResult=0&maxResults=15"
        + " (Accept: application/hal+json) and GET filter/{id}/count under /camunda/api/engine/engine/{engine}");
    method.put("coldStart", "SpringApplication start to the first 200 on /camunda/app/tasklist/ (redirects followed)");
    method.put("fill", "real template cases through the REST start, their rows copied with generate_series (RowCloner)");
    levels = root.putObject("levels");
  }

  void environment(String postgres) {
    ObjectNode env = root.putObject("environment");
    env.put("postgres", postgres + " (embedded, one server, databases product and twin)");
    env.put("java", System.getProperty("java.version"));
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }

  void coldStartInJvm(long product, long twin) {
    ObjectNode c = root.putObject("coldStartInJvm");
    c.put("productMs", product);
    c.put("twinMs", twin);
    c.put("note", "product first in a fresh JVM on an empty database; the twin second in the same JVM");
  }

  void coldStartOwnJvm(Map<String, Object> runs) {
    root.set("coldStartOwnJvm", Http.JSON.valueToTree(runs));
  }

  void templates(Map<String, Long> product, Map<String, Long> twin, long millis) {
    ObjectNode t = root.putObject("templates");
    t.set("productRowsPerTable", Http.JSON.valueToTree(product));
    t.set("twinRowsPerTable", Http.JSON.valueToTree(twin));
    t.put("millis", millis);
  }

  ObjectNode level(int level) {
    return levels.putObject(String.valueOf(level));
  }

  void put(ObjectNode level, String section, String app, Object value) {
    ObjectNode s = level.has(section) ? (ObjectNode) level.get(section) : level.putObject(section);
    s.set(app, Http.JSON.valueToTree(value));
  }

  ArrayNode plans(ObjectNode level) {
    return level.putArray("plans");
  }

  void durationSeconds(double seconds) {
    root.put("durationSeconds", Math.round(seconds));
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out);
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), root);
    Files.writeString(out.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
  }

  // --- Markdown ---

  private record Row(String label, Function<JsonNode, JsonNode> value) {}

  private static Row row(String label, String... path) {
    return new Row(label, n -> {
      JsonNode x = n;
      for (String p : path) {
        x = x == null ? null : x.get(p);
      }
      return x;
    });
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Signaalketen national-scale benchmark: product against a bare Camunda twin\n\n");
    md.append("Run ").append(root.path("started").asText()).append(", commit `").append(root.path("commit").asText())
        .append("` (").append(root.path("branch").asText()).append("), ").append(root.path("durationSeconds").asText())
        .append(" s in all. PostgreSQL ").append(root.path("environment").path("postgres").asText()).append(", Java ")
        .append(root.path("environment").path("java").asText()).append(", ")
        .append(root.path("environment").path("cores").asText()).append(" cores. Settings: `")
        .append(root.path("settings").toString()).append("`.\n\n");
    md.append("Ratio = product ÷ twin. Twin = plain Camunda 7.24 with the same signaalketen, melding and weging BPMN,"
        + " its beans setting the same variables, no authorization. Method: `report.json` → `method`.\n\n");
    goals(md);
    List<Row> rows = new ArrayList<>();
    rows.add(row("open tasks when measured", "openWork", "openTasks"));
    rows.add(row("open tasks after measuring", "openWorkAfter", "openTasks"));
    rows.add(row("running root + phase instances", "openWork", "runningInstances"));
    rows.add(row("tasks the heavy user sees", "openWork", "heavyUserVisible"));
    rows.add(row("tasks the typical user sees", "openWork", "typicalUserVisible"));
    rows.add(row("intake signals/s (2 clients)", "intake", "signalsPerSecond"));
    rows.add(row("intake p50 ms", "intake", "p50Ms"));
    rows.add(row("intake p95 ms", "intake", "p95Ms"));
    rows.add(row("intake p99 ms", "intake", "p99Ms"));
    rows.add(row("intake errors", "intake", "errors"));
    rows.add(row("SQL statements per signal", "intake", "sqlStatementsPerSignal"));
    rows.add(row("JDBC round trips per signal", "intake", "jdbcRoundTripsPerSignal"));
    rows.add(row("database time per signal, ms (JDBC)", "intake", "dbTimeMsPerSignal"));
    for (String kind : List.of("typical", "heavy")) {
      for (String filter : List.of("Taken voor mijn rollen", "Mijn taken")) {
        String label = "Tasklist " + kind + " user, \"" + filter + "\"";
        rows.add(row(label + " visible", "tasklist-" + kind, filter, "visible"));
        rows.add(row(label + " list+count p50 ms", "tasklist-" + kind, filter, "listPlusCountP50Ms"));
        rows.add(row(label + " list+count p95 ms", "tasklist-" + kind, filter, "listPlusCountP95Ms"));
        rows.add(row(label + " count p95 ms", "tasklist-" + kind, filter, "countP95Ms"));
      }
      rows.add(row("Tasklist " + kind + " user, SQL statements per call", "tasklist-" + kind, "sqlStatementsPerCall"));
    }
    rows.add(row("authorization rows (task + instance) per open task", "openWork", "authorizationRowsPerOpenTask"));
    rows.add(row("authorization rows in all", "openWork", "authorizationRows"));
    rows.add(row("database size, bytes", "openWork", "databaseBytes"));
    rows.add(row("fill: rows copied", "fill", "rowsInserted"));
    rows.add(row("fill: seconds (copy + VACUUM ANALYZE)", "fill", "seconds"));

    var it = levels.fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode lv = e.getValue();
      md.append("## ").append(e.getKey()).append(" open tasks\n\n| figure | product | twin | ratio |\n|---|---:|---:|---:|\n");
      for (Row r : rows) {
        JsonNode p = r.value().apply(section(lv, r, "product"));
        JsonNode t = r.value().apply(section(lv, r, "twin"));
        if (p == null && t == null) {
          continue;
        }
        md.append("| ").append(r.label()).append(" | ").append(text(p)).append(" | ").append(text(t)).append(" | ")
            .append(ratio(p, t)).append(" |\n");
      }
      md.append('\n');
      JsonNode plans = lv.get("plans");
      if (plans != null && plans.size() > 0) {
        md.append("### Hot queries and their plans (").append(e.getKey()).append(")\n\n");
        for (JsonNode q : plans) {
          StringBuilder scans = new StringBuilder();
          for (JsonNode s : q.path("seqScans")) {
            if (s.path("rowsVisited").asLong() >= 1000) {
              scans.append(scans.length() == 0 ? "" : ", ").append("Seq Scan ").append(s.path("table").asText())
                  .append(" (").append(s.path("rowsVisited").asLong()).append(" rows)");
            }
          }
          md.append("<details><summary>").append(q.path("app").asText()).append(" · ").append(q.path("phase").asText())
              .append(" #").append(q.path("rank").asText()).append(": ").append(q.path("executions").asText())
              .append("× ").append(q.path("totalMs").asText()).append(" ms in all (mean ")
              .append(q.path("meanMs").asText()).append(" ms)").append(scans.length() == 0 ? "" : " — **" + scans + "**")
              .append(" — <code>").append(escape(abbreviate(q.path("sql").asText(), 140))).append("</code></summary>\n\n")
              .append("```sql\n").append(q.path("sql").asText()).append("\n```\n\nParameters: `")
              .append(q.path("parameters").toString()).append("`\n\n```\n").append(q.path("plan").asText())
              .append("```\n</details>\n\n");
        }
      }
    }
    md.append("## Cold start to Tasklist\n\n");
    JsonNode own = root.get("coldStartOwnJvm");
    if (own != null) {
      md.append("Each app alone in a fresh JVM on its filled database (ms, every run): product ")
          .append(own.path("product").toString()).append(", twin ").append(own.path("twin").toString())
          .append("; ratio of the best runs ").append(ratio(min(own.path("product")), min(own.path("twin")))).append(".\n\n");
    }
    JsonNode in = root.get("coldStartInJvm");
    if (in != null) {
      md.append("First start of the run (empty databases, schema creation included; the twin started second in the same JVM): product ")
          .append(in.path("productMs").asText()).append(" ms, twin ").append(in.path("twinMs").asText()).append(" ms.\n\n");
    }
    md.append("## Template cases (rows per table, one copy of every template)\n\n`product` ")
        .append(root.path("templates").path("productRowsPerTable").toString()).append("\n\n`twin` ")
        .append(root.path("templates").path("twinRowsPerTable").toString()).append("\n");
    return md.toString();
  }

  /** Issue 9's goals against this run's figures (information; nothing here fails the build). */
  private void goals(StringBuilder md) {
    List<String> names = new ArrayList<>();
    levels.fieldNames().forEachRemaining(names::add);
    names.removeIf(n -> !levels.get(n).has("intake"));
    if (names.isEmpty()) {
      return;
    }
    names.sort(java.util.Comparator.comparingInt(Integer::parseInt));
    JsonNode low = levels.get(names.get(0));
    JsonNode high = levels.get(names.get(names.size() - 1));
    String lo = names.get(0);
    String hi = names.get(names.size() - 1);
    md.append("## Goals of issue 9 at a glance\n\n| goal | this run | met |\n|---|---|---|\n");
    double pLow = low.path("intake").path("product").path("signalsPerSecond").asDouble();
    double pHigh = high.path("intake").path("product").path("signalsPerSecond").asDouble();
    double tLow = low.path("intake").path("twin").path("signalsPerSecond").asDouble();
    double tHigh = high.path("intake").path("twin").path("signalsPerSecond").asDouble();
    goal(md, "intake flat: signals/s at " + hi + " within 20% of " + lo,
        String.format("%.1f vs %.1f/s (%.2f; twin %.2f)", pHigh, pLow, pHigh / pLow, tHigh / tLow), pHigh >= 0.8 * pLow);
    goal(md, "intake ≥ 0.8× twin at " + lo, String.format("%.2f×", pLow / tLow), pLow >= 0.8 * tLow);
    goal(md, "intake ≥ 0.8× twin at " + hi, String.format("%.2f×", pHigh / tHigh), pHigh >= 0.8 * tHigh);
    StringBuilder p99 = new StringBuilder();
    boolean p99ok = true;
    for (String n : names) {
      double v = levels.get(n).path("intake").path("product").path("p99Ms").asDouble();
      p99.append(p99.length() == 0 ? "" : ", ").append(n).append(": ").append(v).append(" ms");
      p99ok &= v <= 100;
    }
    goal(md, "intake p99 ≤ 100 ms with 2 clients", p99.toString(), p99ok);
    for (String kind : List.of("typical", "heavy")) {
      double limit = kind.equals("typical") ? 50 : 200;
      double p = worstP95(high, "tasklist-" + kind, "product");
      double t = worstP95(high, "tasklist-" + kind, "twin");
      long visible = high.path("tasklist-" + kind).path("product").path("Taken voor mijn rollen").path("visible").asLong();
      goal(md, "Tasklist " + kind + " user (sees " + visible + "), list + count p95 ≤ " + (int) limit + " ms at " + hi
          + ", and ≤ twin", String.format("%.1f ms (twin %.1f ms)", p, t), p <= limit && p <= t);
    }
    StringBuilder auth = new StringBuilder();
    for (String n : names) {
      auth.append(auth.length() == 0 ? "" : ", ").append(n).append(": ")
          .append(String.format("%.2f", levels.get(n).path("openWork").path("product").path("authorizationRowsPerOpenTask").asDouble()));
    }
    goal(md, "authorization rows per open task O(1), independent of network size", auth + " (task + instance rows)", null);
    double st = high.path("intake").path("product").path("sqlStatementsPerSignal").asDouble();
    double stt = high.path("intake").path("twin").path("sqlStatementsPerSignal").asDouble();
    goal(md, "SQL statements per signal ≤ 1.2× twin", String.format("%.1f vs %.1f (%.2f×)", st, stt, st / stt), st <= 1.2 * stt);
    JsonNode own = root.get("coldStartOwnJvm");
    if (own != null && min(own.path("product")) != null && min(own.path("twin")) != null) {
      double cp = min(own.path("product")).asDouble();
      double ct = min(own.path("twin")).asDouble();
      goal(md, "cold start ≤ 1.2× twin", String.format("%.1f s vs %.1f s (%.2f×)", cp / 1000, ct / 1000, cp / ct), cp <= 1.2 * ct);
    }
    StringBuilder scans = new StringBuilder();
    for (JsonNode q : high.path("plans")) {
      if (!q.path("app").asText().equals("product")) {
        continue;
      }
      for (JsonNode sc : q.path("seqScans")) {
        if (sc.path("rowsVisited").asLong() >= 1000) {
          scans.append(scans.length() == 0 ? "" : "; ").append(q.path("phase").asText()).append(" #")
              .append(q.path("rank").asText()).append(": ").append(sc.path("table").asText()).append(" (")
              .append(sc.path("rowsVisited").asLong()).append(" rows)");
        }
      }
    }
    goal(md, "no full-table scan on a hot path (product plans at " + hi + ")", scans.length() == 0 ? "none" : scans.toString(),
        scans.length() == 0);
    md.append('\n');
  }

  private static double worstP95(JsonNode level, String section, String app) {
    double worst = 0;
    for (String filter : List.of("Taken voor mijn rollen", "Mijn taken")) {
      worst = Math.max(worst, level.path(section).path(app).path(filter).path("listPlusCountP95Ms").asDouble());
    }
    return worst;
  }

  private static void goal(StringBuilder md, String goal, String value, Boolean met) {
    md.append("| ").append(goal).append(" | ").append(value).append(" | ")
        .append(met == null ? "see figures" : met ? "yes" : "**no**").append(" |\n");
  }

  /** Renders report.md again from a report.json (e.g. after a change to the layout). */
  public static void main(String[] args) throws IOException {
    Path json = Path.of(args.length > 0 ? args[0] : "target/bench/report.json");
    Report r = new Report((ObjectNode) Http.JSON.readTree(json.toFile()));
    Files.writeString(json.resolveSibling("report.md"), r.markdown(), StandardCharsets.UTF_8);
  }

  private Report(ObjectNode existing) {
    this.root.setAll(existing);
    this.levels = (ObjectNode) root.get("levels");
  }

  private static JsonNode section(JsonNode level, Row r, String app) {
    // Rows name a section as their first path element; the app sits under it.
    JsonNode wrapper = Http.JSON.createObjectNode();
    var fields = level.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      if (f.getValue().isObject() && f.getValue().has(app)) {
        ((ObjectNode) wrapper).set(f.getKey(), f.getValue().get(app));
      }
    }
    return wrapper;
  }

  private static JsonNode min(JsonNode runs) {
    long best = Long.MAX_VALUE;
    for (JsonNode r : runs) {
      if (r.asLong() > 0) {
        best = Math.min(best, r.asLong());
      }
    }
    return best == Long.MAX_VALUE ? null : Http.JSON.getNodeFactory().numberNode(best);
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return "–";
    }
    if (n.isNumber() && Math.abs(n.asDouble()) >= 100_000) {
      return String.format("%,d", n.asLong());
    }
    if (n.isFloatingPointNumber() && n.asDouble() != Math.rint(n.asDouble())) {
      return String.format("%.2f", n.asDouble());
    }
    return n.asText();
  }

  private static String ratio(JsonNode p, JsonNode t) {
    if (p == null || t == null || !p.isNumber() || !t.isNumber() || t.asDouble() == 0) {
      return "–";
    }
    return String.format("%.2f", p.asDouble() / t.asDouble());
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? out : "?";
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
