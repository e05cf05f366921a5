package nl.signaalketen.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Tasklist's calls for one user: per filter the task list ({@code POST filter/{id}/list}, HAL) and
 * its count ({@code GET filter/{id}/count}), each timed, and the two together.
 */
final class TasklistSeries {

  final Map<String, Histogram> list = new LinkedHashMap<>();
  final Map<String, Histogram> count = new LinkedHashMap<>();
  final Map<String, Histogram> pair = new LinkedHashMap<>();
  final Map<String, Long> visible = new LinkedHashMap<>();
  final Map<String, Long> bytes = new LinkedHashMap<>();
  SqlMeter.Snapshot sql = new SqlMeter.Snapshot(0, 0, 0);
  long reps;

  void record(String filter, long listMicros, long countMicros, long count, long bodyBytes) {
    hist(list, filter).recordValue(Math.max(1, listMicros));
    hist(this.count, filter).recordValue(Math.max(1, countMicros));
    hist(pair, filter).recordValue(Math.max(1, listMicros + countMicros));
    visible.put(filter, count);
    bytes.put(filter, bodyBytes);
    if (filter.equals("Taken voor mijn rollen")) {
      reps++;
    }
  }

  private static Histogram hist(Map<String, Histogram> m, String filter) {
    return m.computeIfAbsent(filter, f -> new Histogram(600_000_000L, 3));
  }

  static TasklistSeries combine(List<TasklistSeries> all) {
    TasklistSeries c = new TasklistSeries();
    long st = 0;
    long rt = 0;
    long ns = 0;
    for (TasklistSeries s : all) {
      s.list.forEach((f, h) -> hist(c.list, f).add(h));
      s.count.forEach((f, h) -> hist(c.count, f).add(h));
      s.pair.forEach((f, h) -> hist(c.pair, f).add(h));
      c.visible.putAll(s.visible);
      c.bytes.putAll(s.bytes);
      c.reps += s.reps;
      st += s.sql.statements();
      rt += s.sql.roundTrips();
      ns += s.sql.nanos();
    }
    c.sql = new SqlMeter.Snapshot(st, rt, ns);
    return c;
  }

  Map<String, Object> summary(String user) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", user);
    m.put("repetitions", reps);
    for (String filter : pair.keySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("visible", visible.get(filter));
      f.put("listP50Ms", ms(list.get(filter), 50));
      f.put("listP95Ms", ms(list.get(filter), 95));
      f.put("countP50Ms", ms(count.get(filter), 50));
      f.put("countP95Ms", ms(count.get(filter), 95));
      f.put("listPlusCountP50Ms", ms(pair.get(filter), 50));
      f.put("listPlusCountP95Ms", ms(pair.get(filter), 95));
      f.put("listResponseBytes", bytes.get(filter));
      m.put(filter, f);
    }
    double calls = Math.max(1, reps * 2.0 * pair.size());
    m.put("sqlStatementsPerCall", IntakeBlock.round(sql.statements() / calls, 1));
    m.put("dbTimeMsPerCall", IntakeBlock.round(sql.nanos() / 1e6 / calls, 2));
    return m;
  }

  private static double ms(Histogram h, double percentile) {
    return h == null ? -1 : IntakeBlock.round(h.getValueAtPercentile(percentile) / 1000.0, 1);
  }

  @Override
  public String toString() {
    return String.valueOf(summary(""));
  }
}
