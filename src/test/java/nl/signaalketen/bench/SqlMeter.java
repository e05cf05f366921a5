package nl.signaalketen.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what an application sends to its database through JDBC (datasource-proxy around its
 * DataSource): statements (each element of a batch counts), round trips, and the time spent in
 * JDBC execute calls (client side, loopback). While a phase is set, it also keeps per SQL text the
 * count, total time and the parameters of its slowest execution, so the hot queries can be
 * EXPLAINed with the parameters they really ran with.
 */
final class SqlMeter implements QueryExecutionListener {

  final LongAdder statements = new LongAdder();
  final LongAdder roundTrips = new LongAdder();
  final LongAdder nanos = new LongAdder();
  private final Map<String, String> normalised = new ConcurrentHashMap<>();
  private volatile String phase;
  private final Map<String, Map<String, QueryStats>> byPhase = new ConcurrentHashMap<>();

  record Snapshot(long statements, long roundTrips, long nanos) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(statements - before.statements, roundTrips - before.roundTrips, nanos - before.nanos);
    }
  }

  static final class QueryStats {
    final String sql;
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final AtomicLong maxNanos = new AtomicLong();
    volatile List<Object> slowestParameters = List.of();

    QueryStats(String sql) {
      this.sql = sql;
    }
  }

  Snapshot snapshot() {
    return new Snapshot(statements.sum(), roundTrips.sum(), nanos.sum());
  }

  /** Start keeping per-query statistics under this name (null: stop). */
  void phase(String name) {
    this.phase = name;
  }

  /** The queries of a phase, by total time, most first. */
  List<QueryStats> hottest(String phaseName, int limit) {
    List<QueryStats> all = new ArrayList<>(byPhase.getOrDefault(phaseName, Map.of()).values());
    all.sort(Comparator.comparingLong((QueryStats q) -> q.nanos.sum()).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** Statements of a phase per SQL text, divided by {@code per} (the signals it handled). */
  Map<String, Double> mix(String phaseName, long per) {
    Map<String, Double> m = new java.util.TreeMap<>();
    byPhase.getOrDefault(phaseName, Map.of()).forEach((sql, q) -> m.put(sql, q.count.sum() / (double) Math.max(1, per)));
    return m;
  }

  private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    started.get()[0] = System.nanoTime();
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    long elapsed = System.nanoTime() - started.get()[0];
    roundTrips.increment();
    nanos.add(elapsed);
    int count = 0;
    for (QueryInfo q : queryInfoList) {
      count += Math.max(1, q.getParametersList().size());
    }
    statements.add(count);
    String current = phase;
    if (current == null || queryInfoList.isEmpty()) {
      return;
    }
    QueryInfo first = queryInfoList.get(0);
    // Normalised once per text: a regex over every statement's long SQL cost the apps measurable CPU.
    String sql = normalised.size() < 20_000
        ? normalised.computeIfAbsent(first.getQuery(), SqlMeter::normalise) : normalise(first.getQuery());
    QueryStats stats = byPhase.computeIfAbsent(current, p -> new ConcurrentHashMap<>())
        .computeIfAbsent(sql, QueryStats::new);
    stats.count.add(count);
    stats.nanos.add(elapsed);
    long max = stats.maxNanos.get();
    if (elapsed >= max && stats.maxNanos.compareAndSet(max, elapsed)
        && !first.getParametersList().isEmpty()) {
      List<ParameterSetOperation> ops = new ArrayList<>(first.getParametersList().get(0));
      ops.sort(Comparator.comparingInt(op -> (Integer) op.getArgs()[0]));
      List<Object> values = new ArrayList<>();
      for (ParameterSetOperation op : ops) {
        String method = op.getMethod().getName();
        values.add("setNull".equals(method) ? null : op.getArgs()[1]);
      }
      stats.slowestParameters = values;
    }
  }

  private static String normalise(String sql) {
    return sql.trim().replaceAll("\\s+", " ");
  }

  /** Wraps every DataSource bean of the context it is registered in. */
  BeanPostProcessor wrapper(String name) {
    SqlMeter meter = this;
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(ds).name(name).listener(meter).build();
        }
        return bean;
      }
    };
  }
}
