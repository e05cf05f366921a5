package nl.signaalketen.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the run does, from system properties ({@code -Dbench.levels=1000,10000}); defaults are the full run. */
final class BenchSettings {

  final List<Integer> levels = ints("bench.levels", "1000,10000,100000");
  final int gemeenten = integer("bench.gemeenten", 342);
  final int regions = integer("bench.regions", 25);
  /** Share of all open tasks the heavy user (ZVH-wide, heavy region) sees. */
  final double heavyShare = Double.parseDouble(System.getProperty("bench.heavyShare", "0.10"));
  final int clients = integer("bench.clients", 2);
  /**
   * Intake blocks per app and level (alternating), signals per block, and the most seconds a block
   * may take. Two blocks of 100 (2.5 s each) moved the ratio by 0.2 between runs; four of 150
   * give each app 600 signals per level. The warm-up lets the JIT compile both apps' paths first.
   */
  final int blocks = integer("bench.blocks", 4);
  final int signalsPerBlock = integer("bench.signals", 150);
  final int blockSeconds = integer("bench.blockSeconds", 25);
  final int warmupSignals = integer("bench.warmup", 60);
  /** Tasklist repetitions (list + count of both filters) per user, app and block, and a time cap. */
  final int tasklistReps = integer("bench.tasklistReps", 20);
  final int tasklistSeconds = integer("bench.tasklistSeconds", 15);
  final int explainTop = integer("bench.explainTop", 4);
  final boolean coldStart = Boolean.parseBoolean(System.getProperty("bench.coldStart", "true"));
  /** Extra JVM options for the cold-start JVMs; {run} becomes the run's name (coldstart-product-2). */
  final String coldStartArgs = System.getProperty("bench.coldStartArgs", "");
  final String out = System.getProperty("bench.out", "target/bench");

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("levels", levels);
    m.put("gemeenten", gemeenten);
    m.put("regions", regions);
    m.put("heavyShare", heavyShare);
    m.put("clients", clients);
    m.put("blocks", blocks);
    m.put("signalsPerBlock", signalsPerBlock);
    m.put("blockSeconds", blockSeconds);
    m.put("warmupSignals", warmupSignals);
    m.put("tasklistReps", tasklistReps);
    m.put("tasklistSeconds", tasklistSeconds);
    m.put("explainTop", explainTop);
    m.put("coldStart", coldStart);
    m.put("coldStartArgs", coldStartArgs);
    return m;
  }

  private static int integer(String name, int dflt) {
    return Integer.parseInt(System.getProperty(name, String.valueOf(dflt)).trim());
  }

  private static List<Integer> ints(String name, String dflt) {
    return Arrays.stream(System.getProperty(name, dflt).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(Integer::parseInt).toList();
  }
}
