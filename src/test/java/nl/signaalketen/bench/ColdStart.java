package nl.signaalketen.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to Tasklist, fairly: each app in a fresh JVM of its own (the in-JVM starts share
 * loaded classes and JIT), on its filled database, as a second node would start (no auto-deployment:
 * the processes are deployed). The child prints
 * the time from SpringApplication start to the first 200 on /camunda/app/tasklist/ and exits.
 */
final class ColdStart {

  private static final String MARK = "BENCH_COLD_START_MS=";

  private ColdStart() {}

  static void measure(BenchPostgres db, Path forms, BenchSettings settings, Report report) {
    Map<String, Object> result = new LinkedHashMap<>();
    int run = 0;
    // Three alternating runs each: a single start moved by up to 2.5 s between runs on this machine.
    for (String which : List.of("twin", "product", "twin", "product", "twin", "product")) {
      long ms = child(which, db, forms, settings, Path.of(settings.out, "coldstart-" + which + "-" + ++run + ".log"));
      @SuppressWarnings("unchecked")
      List<Long> runs = (List<Long>) result.computeIfAbsent(which, k -> new ArrayList<Long>());
      runs.add(ms);
      NationalScaleBenchmark.log("cold start (own JVM) " + which + ": " + ms + " ms");
    }
    report.coldStartOwnJvm(result);
  }

  private static long child(String which, BenchPostgres db, Path forms, BenchSettings settings, Path logFile) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-XX:+UseG1GC"));
    // e.g. -Dbench.coldStartArgs=-XX:StartFlightRecording=filename=target/bench/{run}.jfr (a profile per start)
    String name = logFile.getFileName().toString().replace(".log", "");
    for (String arg : settings.coldStartArgs.split(" ")) {
      if (!arg.isBlank()) {
        command.add(arg.replace("{run}", name));
      }
    }
    command.addAll(List.of("-cp", classpath, ColdStart.class.getName(), which, String.valueOf(db.port()),
        forms.toAbsolutePath().toString(), String.valueOf(settings.gemeenten), String.valueOf(settings.regions)));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      long ms = -1;
      List<String> problems = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
           var log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          log.write(line);
          log.newLine();
          if (line.startsWith(MARK)) {
            ms = Long.parseLong(line.substring(MARK.length()).trim());
          } else if ((line.contains("Exception") || line.contains("ERROR")) && problems.size() < 6) {
            problems.add(line);
          }
        }
      }
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      if (ms < 0) {
        NationalScaleBenchmark.log("cold start of " + which + " in its own JVM failed (" + logFile + "): "
            + String.join("\n", problems));
      }
      return ms;
    } catch (Exception e) {
      NationalScaleBenchmark.log("cold start of " + which + " could not run: " + e);
      return -1;
    }
  }

  /** Child JVM: start one app on the bench's running PostgreSQL, print the cold start, stop. */
  public static void main(String[] args) throws Exception {
    String which = args[0];
    int pgPort = Integer.parseInt(args[1]);
    Path forms = Path.of(args[2]);
    System.setProperty("bench.gemeenten", args[3]);
    System.setProperty("bench.regions", args[4]);
    BenchSettings settings = new BenchSettings();
    App app = which.equals("product") ? App.product() : App.twinAlone();
    // A second node of an installation whose processes are deployed: no auto-deployment (in a JVM of
    // its own, Camunda's duplicate filter took the same files for a new deployment).
    app.start(BenchPostgres.external(pgPort), forms, settings, List.of("--camunda.bpm.auto-deployment-enabled=false"));
    System.out.println(MARK + app.coldStartMillis);
    System.out.flush();
    app.close();
    System.exit(0);
  }
}
