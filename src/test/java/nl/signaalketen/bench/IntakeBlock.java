package nl.signaalketen.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** One block of signals through the REST start: count, wall time, latencies, SQL sent. */
final class IntakeBlock {

  final int signals;
  final int errors;
  final List<String> errorSamples;
  final long wallNanos;
  final Histogram latencyMicros;
  final SqlMeter.Snapshot sql;

  private IntakeBlock(int signals, int errors, List<String> errorSamples, long wallNanos, Histogram latency,
      SqlMeter.Snapshot sql) {
    this.signals = signals;
    this.errors = errors;
    this.errorSamples = errorSamples;
    this.wallNanos = wallNanos;
    this.latencyMicros = latency;
    this.sql = sql;
  }

  static IntakeBlock of(int signals, int errors, List<String> errorSamples, long wallNanos, Histogram latency,
      SqlMeter.Snapshot sql) {
    return new IntakeBlock(signals, errors, errorSamples, wallNanos, latency, sql);
  }

  /** The blocks of one app at one level together: signals/s over their summed wall time. */
  static Map<String, Object> combine(List<IntakeBlock> blocks) {
    Histogram all = new Histogram(600_000_000L, 3);
    long signals = 0;
    long errors = 0;
    long wall = 0;
    long statements = 0;
    long roundTrips = 0;
    long nanos = 0;
    List<Double> perBlock = new java.util.ArrayList<>();
    List<String> samples = new java.util.ArrayList<>();
    for (IntakeBlock b : blocks) {
      all.add(b.latencyMicros);
      signals += b.signals;
      errors += b.errors;
      wall += b.wallNanos;
      statements += b.sql.statements();
      roundTrips += b.sql.roundTrips();
      nanos += b.sql.nanos();
      perBlock.add(round(b.signals / (b.wallNanos / 1e9), 2));
      samples.addAll(b.errorSamples);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("signals", signals);
    m.put("errors", errors);
    m.put("seconds", round(wall / 1e9, 2));
    m.put("signalsPerSecond", round(signals / Math.max(1e-9, wall / 1e9), 2));
    m.put("signalsPerSecondPerBlock", perBlock);
    m.put("p50Ms", round(all.getValueAtPercentile(50) / 1000.0, 1));
    m.put("p95Ms", round(all.getValueAtPercentile(95) / 1000.0, 1));
    m.put("p99Ms", round(all.getValueAtPercentile(99) / 1000.0, 1));
    m.put("maxMs", round(all.getMaxValue() / 1000.0, 1));
    double n = Math.max(1, signals);
    m.put("sqlStatementsPerSignal", round(statements / n, 1));
    m.put("jdbcRoundTripsPerSignal", round(roundTrips / n, 1));
    m.put("dbTimeMsPerSignal", round(nanos / 1e6 / n, 2));
    if (!samples.isEmpty()) {
      m.put("errorSamples", samples);
    }
    return m;
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
