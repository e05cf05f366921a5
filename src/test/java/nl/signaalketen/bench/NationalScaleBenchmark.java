package nl.signaalketen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.signaalketen.network.NetworkInput.NewAssignment;
import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.network.NetworkInput.NewPerson;
import nl.signaalketen.network.NetworkService;
import nl.signaalketen.network.OrganisationType;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The national-scale benchmark of issue 9: the product against a bare Camunda twin of the same
 * BPMN, side by side on one embedded PostgreSQL, at several amounts of open work. Runs only in the
 * {@code bench} Maven profile ({@code ./mvnw -Pbench verify}); measures and reports, asserts
 * nothing about time. See README, "Performance".
 */
class NationalScaleBenchmark {

  private final BenchSettings settings = new BenchSettings();
  private final NationalNetwork network = new NationalNetwork(settings.gemeenten, settings.regions);
  private final Random random = new Random(9);
  private final Report report = new Report(settings);

  @Test
  void productAgainstBareTwin() throws Exception {
    long started = System.nanoTime();
    Path out = Path.of(settings.out);
    Files.createDirectories(out);
    Path forms = NationalForms.write(network, out.resolve("deploy/forms"));
    log("PostgreSQL starting");
    try (BenchPostgres db = BenchPostgres.start(); App product = App.product(); App twin = App.twin()) {
      report.environment(db.version());
      log("product starting");
      product.start(db, forms, settings);
      log("product up in " + product.coldStartMillis + " ms; twin starting");
      twin.start(db, forms, settings);
      log("twin up in " + twin.coldStartMillis + " ms");
      report.coldStartInJvm(product.coldStartMillis, twin.coldStartMillis);

      long t = System.nanoTime();
      buildRegistry(product);
      log("registry filled in " + (System.nanoTime() - t) / 1_000_000 + " ms");

      Fill productFill = new Fill(product, db.connect(product.database));
      Fill twinFill = new Fill(twin, db.connect(twin.database));
      t = System.nanoTime();
      productFill.templates(startTemplates(product));
      twinFill.templates(startTemplates(twin));
      report.templates(productFill.cloner.templateRows(), twinFill.cloner.templateRows(),
          (System.nanoTime() - t) / 1_000_000);
      log("templates taken in " + (System.nanoTime() - t) / 1_000_000 + " ms");

      for (int level : settings.levels) {
        runLevel(level, db, product, twin, productFill, twinFill);
        report.durationSeconds((System.nanoTime() - started) / 1e9);
        report.write(out);
      }
      if (settings.coldStart) {
        ColdStart.measure(db, forms, settings, report);
      }
      report.durationSeconds((System.nanoTime() - started) / 1e9);
      report.write(out);
      productFill.db.close();
      twinFill.db.close();
    }
    log("done in " + Math.round((System.nanoTime() - started) / 1e9) + " s; report in " + out.resolve("report.md"));
  }

  private void runLevel(int level, BenchPostgres db, App product, App twin, Fill productFill, Fill twinFill)
      throws Exception {
    log("level " + level + ": filling");
    ObjectNode lv = report.level(level);
    // Both databases at once: each fill is one PostgreSQL backend, and there are two cores.
    Map<String, Map<String, Object>> fills = new java.util.concurrent.ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    List<Thread> fillers = new ArrayList<>();
    for (Fill fill : List.of(productFill, twinFill)) {
      Thread filler = new Thread(() -> {
        try {
          long t = System.nanoTime();
          Map<String, Object> done = fill.to(level);
          try (Statement s = fill.db.createStatement()) {
            // What autovacuum (off while measuring) has done by then in a running installation:
            // statistics, and the visibility map that lets an index answer without the table.
            s.execute("vacuum (analyze)");
          }
          done.put("seconds", (System.nanoTime() - t) / 1e9);
          fills.put(fill.app.name, done);
        } catch (Exception e) {
          failures.add(e);
        }
      }, "fill-" + fill.app.name);
      fillers.add(filler);
      filler.start();
    }
    for (Thread filler : fillers) {
      filler.join();
    }
    if (!failures.isEmpty()) {
      throw failures.peek();
    }
    for (Fill fill : List.of(productFill, twinFill)) {
      Map<String, Object> done = fills.get(fill.app.name);
      report.put(lv, "fill", fill.app.name, done);
      log("  " + fill.app.name + " filled: " + done.get("copies") + " copies, " + done.get("rowsInserted") + " rows, "
          + Math.round((Double) done.get("seconds")) + " s");
    }
    for (Fill fill : List.of(productFill, twinFill)) {
      report.put(lv, "openWork", fill.app.name, fill.openWork());
    }
    // Warm-up, then the measured blocks, product and twin alternating.
    for (App app : List.of(product, twin)) {
      intake(app, settings.warmupSignals, settings.blockSeconds, null);
      for (String user : List.of(network.typicalUser(), network.heavyUser())) {
        tasklist(app, user, 1, settings.tasklistSeconds, null);
      }
    }
    List<IntakeBlock> productBlocks = new ArrayList<>();
    List<IntakeBlock> twinBlocks = new ArrayList<>();
    for (int b = 0; b < settings.blocks; b++) {
      productBlocks.add(intake(product, settings.signalsPerBlock, settings.blockSeconds, "intake@" + level));
      twinBlocks.add(intake(twin, settings.signalsPerBlock, settings.blockSeconds, "intake@" + level));
    }
    report.put(lv, "statementMix", "perSignal", statementMix(level, product, twin, productBlocks, twinBlocks));
    report.put(lv, "intake", "product", IntakeBlock.combine(productBlocks));
    report.put(lv, "intake", "twin", IntakeBlock.combine(twinBlocks));
    log("  intake product " + IntakeBlock.combine(productBlocks).get("signalsPerSecond") + "/s, twin "
        + IntakeBlock.combine(twinBlocks).get("signalsPerSecond") + "/s");
    for (String kind : List.of("typical", "heavy")) {
      String user = kind.equals("typical") ? network.typicalUser() : network.heavyUser();
      List<TasklistSeries> p = new ArrayList<>();
      List<TasklistSeries> tw = new ArrayList<>();
      for (int b = 0; b < settings.blocks; b++) {
        p.add(tasklist(product, user, settings.tasklistReps, settings.tasklistSeconds, "tasklist-" + kind + "@" + level));
        tw.add(tasklist(twin, user, settings.tasklistReps, settings.tasklistSeconds, "tasklist-" + kind + "@" + level));
      }
      report.put(lv, "tasklist-" + kind, "product", TasklistSeries.combine(p).summary(user));
      report.put(lv, "tasklist-" + kind, "twin", TasklistSeries.combine(tw).summary(user));
      log("  tasklist " + kind + " product " + TasklistSeries.combine(p).summary(user) + " twin "
          + TasklistSeries.combine(tw).summary(user));
    }
    for (Fill fill : List.of(productFill, twinFill)) {
      report.put(lv, "openWorkAfter", fill.app.name, fill.openWork());
    }
    ArrayNode plans = report.plans(lv);
    for (App app : List.of(product, twin)) {
      for (String phase : List.of("intake@" + level, "tasklist-typical@" + level, "tasklist-heavy@" + level)) {
        try (Connection c = db.connect(app.database)) {
          Explain.hottest(c, app, phase, settings.explainTop, plans);
        }
      }
    }
  }

  // --- the registry (product only): organisations, people and their roles, via NetworkService ---

  private void buildRegistry(App product) {
    NetworkService registry = product.context.getBean(NetworkService.class);
    for (NationalNetwork.Region r : network.regions()) {
      registry.addOrganisation(new NewOrganisation(r.code(), r.name(), OrganisationType.ZVH, null));
    }
    for (NationalNetwork.Gemeente g : network.gemeenten()) {
      registry.addOrganisation(new NewOrganisation(g.code(), g.name(), OrganisationType.GEMEENTE, g.region()));
    }
    for (NationalNetwork.PersonSpec p : network.people()) {
      registry.addPerson(new NewPerson(p.id(), p.name(), p.id() + "@example.org", p.organisation()),
          NationalNetwork.PASSWORD);
    }
    for (NationalNetwork.PersonSpec p : network.people()) {
      for (String[] a : p.assignments()) {
        registry.assign(new NewAssignment(p.id(), a[0], a[1], null, null, null));
      }
    }
  }

  // --- template cases, through the real REST start ---

  /** One case per gemeente: most at "Melding duiden", every sixth moved into the weging, every sixth a minor in the weging. */
  private List<String> startTemplates(App app) throws InterruptedException {
    List<NationalNetwork.Gemeente> gemeenten = network.gemeenten();
    ConcurrentLinkedQueue<String> roots = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < settings.clients; w++) {
      Thread worker = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < gemeenten.size(); i = next.getAndIncrement()) {
            String gemeente = gemeenten.get(i).code();
            boolean minor = i % 6 == 1;
            boolean weging = i % 6 == 0 || minor;
            String id = startSignal(app, gemeente, minor).json().get("id").asText();
            roots.add(id);
            if (weging) {
              intoWeging(app, id, gemeente);
            }
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }, "template-" + w);
      workers.add(worker);
      worker.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!failures.isEmpty()) {
      throw failures.peek();
    }
    return new ArrayList<>(roots);
  }

  private Http.Response startSignal(App app, String gemeente, boolean minor) {
    String unique = String.valueOf(System.nanoTime());
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    // As testsupport.Cases.signal(gemeente) and RestCase.start send them.
    values.put("gemeente", gemeente);
    values.put("melderType", "professional");
    values.put("melderNaam", "Docent van het Demo Lyceum");
    values.put("melderContact", "docent@example.org");
    values.put("signaal", "Leerling deelt in de klas filmpjes die geweld verheerlijken.");
    values.put("bsn", String.format("%09d", Math.floorMod(unique.hashCode() * 31L + random.nextInt(1_000_000), 1_000_000_000L)));
    values.put("betrokkeneNaam", "Persoon " + unique);
    if (minor) {
      values.put("geboortedatum", "2011-04-01");
    }
    values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    String auth = app.product ? Http.basic(NationalNetwork.meldpunt(gemeente), NationalNetwork.PASSWORD) : null;
    return app.http.json("POST", app.rest() + "/process-definition/key/signaalketen/start",
        Map.of("variables", variables), auth).ok();
  }

  /** "Melding duiden" completed as possible radicalisation (Cases.duiding(true, true, false)) by the gemeente's adviseur. */
  private void intoWeging(App app, String rootId, String gemeente) {
    TaskService tasks = app.engine().getTaskService();
    Task task = null;
    for (int attempt = 0; attempt < 50 && task == null; attempt++) {
      String caseKey = app.engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(rootId)
          .singleResult().getBusinessKey();
      task = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey("melding-duiden")
          .singleResult();
    }
    Map<String, Object> duiding = new LinkedHashMap<>();
    duiding.put("melderTeruggebeld", false);
    duiding.put("informatieToereikend", true);
    duiding.put("mogelijkeRadicalisering", true);
    duiding.put("zorgbehoefte", false);
    duiding.put("detentieOfToezicht", false);
    duiding.put("schoolgaand", true);
    duiding.put("toelichtingDuiding", "Filmpjes gedeeld, geen verdere uitingen of contacten bekend.");
    Map<String, Object> variables = new LinkedHashMap<>();
    duiding.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : "String")));
    String auth = app.product ? Http.basic(NationalNetwork.adviseur(gemeente), NationalNetwork.PASSWORD) : null;
    app.http.json("POST", app.rest() + "/task/" + task.getId() + "/submit-form", Map.of("variables", variables), auth).ok();
  }

  // --- the fill ---

  /** Brings one app's database to a level of open tasks by copying its template cases. */
  final class Fill {
    final App app;
    final Connection db;
    final RowCloner cloner;
    private List<String> roots = List.of();
    private Map<String, Long> tasksPerRoot = Map.of();
    private Map<String, Long> heavyPerRoot = Map.of();

    Fill(App app, Connection db) {
      this.app = app;
      this.db = db;
      this.cloner = new RowCloner(db);
    }

    void templates(List<String> rootIds) throws SQLException {
      roots = new ArrayList<>(rootIds);
      Collections.sort(roots);
      Collections.shuffle(roots, new Random(42));
      cloner.snapshot(roots);
      tasksPerRoot = cloner.countByRoot("act_ru_task", "true");
      heavyPerRoot = cloner.countByRoot("act_ru_identitylink",
          "t.type_ = 'candidate' and t.task_id_ is not null and t.user_id_ = '" + network.heavyUser() + "'");
    }

    /** Copies so that open tasks reach {@code level}, the heavy user seeing the configured share of them. */
    Map<String, Object> to(int level) throws SQLException {
      long open = scalar("select count(*) from act_ru_task");
      long heavy = visible(network.heavyUser());
      List<String> heavyRoots = roots.stream().filter(r -> heavyPerRoot.getOrDefault(r, 0L) > 0).toList();
      List<String> otherRoots = roots.stream().filter(r -> heavyPerRoot.getOrDefault(r, 0L) == 0).toList();
      long heavyVisiblePerRound = heavyRoots.stream().mapToLong(r -> heavyPerRoot.get(r)).sum();
      long heavyTasksPerRound = heavyRoots.stream().mapToLong(r -> tasksPerRoot.getOrDefault(r, 0L)).sum();
      long otherTasksPerRound = otherRoots.stream().mapToLong(r -> tasksPerRoot.getOrDefault(r, 0L)).sum();
      double heavyRounds = Math.max(0, (settings.heavyShare * level - heavy) / Math.max(1, heavyVisiblePerRound));
      double otherRounds = Math.max(0, (level - open - heavyRounds * heavyTasksPerRound) / Math.max(1, otherTasksPerRound));
      Map<String, Integer> copies = new LinkedHashMap<>();
      spread(heavyRoots, heavyRounds, copies);
      spread(otherRoots, otherRounds, copies);
      Map<String, Long> inserted = cloner.clone(copies);
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("openTasksBefore", open);
      done.put("copies", copies.values().stream().mapToInt(Integer::intValue).sum());
      done.put("rowsInserted", inserted.values().stream().mapToLong(Long::longValue).sum());
      done.put("rowsInsertedPerTable", inserted);
      return done;
    }

    private void spread(List<String> templates, double rounds, Map<String, Integer> copies) {
      int whole = (int) Math.floor(rounds);
      int extra = (int) Math.round((rounds - whole) * templates.size());
      for (int i = 0; i < templates.size(); i++) {
        copies.put(templates.get(i), whole + (i < extra ? 1 : 0));
      }
    }

    Map<String, Object> openWork() throws SQLException {
      Map<String, Object> m = new LinkedHashMap<>();
      long open = scalar("select count(*) from act_ru_task");
      m.put("openTasks", open);
      m.put("runningInstances", scalar("select count(*) from act_ru_execution where id_ = proc_inst_id_"));
      m.put("heavyUserVisible", visible(network.heavyUser()));
      m.put("typicalUserVisible", visible(network.typicalUser()));
      long auth = scalar("select count(*) from act_ru_authorization");
      long caseAuth = scalar("select count(*) from act_ru_authorization where resource_type_ in (7, 8)");
      m.put("authorizationRows", auth);
      m.put("taskAndInstanceAuthorizationRows", caseAuth);
      m.put("authorizationRowsPerOpenTask", open == 0 ? 0 : (double) caseAuth / open);
      m.put("identityLinkRows", scalar("select count(*) from act_ru_identitylink"));
      m.put("variableRows", scalar("select count(*) from act_ru_variable"));
      m.put("databaseBytes", scalar("select pg_database_size(current_database())"));
      return m;
    }

    long visible(String user) throws SQLException {
      try (PreparedStatement p = db.prepareStatement("select count(distinct task_id_) from act_ru_identitylink"
          + " where type_ = 'candidate' and user_id_ = ? and task_id_ is not null")) {
        p.setString(1, user);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    long scalar(String sql) throws SQLException {
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Per SQL text the statements per signal of product and twin, the largest differences first. */
  private List<Map<String, Object>> statementMix(int level, App product, App twin, List<IntakeBlock> productBlocks,
      List<IntakeBlock> twinBlocks) {
    Map<String, Double> p = product.sql.mix("intake@" + level, productBlocks.stream().mapToLong(b -> b.signals).sum());
    Map<String, Double> t = twin.sql.mix("intake@" + level, twinBlocks.stream().mapToLong(b -> b.signals).sum());
    java.util.Set<String> all = new java.util.TreeSet<>(p.keySet());
    all.addAll(t.keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String sql : all) {
      double a = p.getOrDefault(sql, 0.0);
      double b = t.getOrDefault(sql, 0.0);
      if (Math.abs(a - b) >= 0.05) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sql", sql.length() > 200 ? sql.substring(0, 200) : sql);
        row.put("product", IntakeBlock.round(a, 2));
        row.put("twin", IntakeBlock.round(b, 2));
        rows.add(row);
      }
    }
    rows.sort(java.util.Comparator.comparingDouble((Map<String, Object> r) ->
        -Math.abs((Double) r.get("product") - (Double) r.get("twin"))));
    rows.stream().limit(40).forEach(r -> log("    mix " + r.get("product") + " vs " + r.get("twin") + "  " + r.get("sql")));
    return rows;
  }

  // --- intake: signals through the REST start, 2 clients ---

  private IntakeBlock intake(App app, int signals, int seconds, String phase) throws InterruptedException {
    Histogram latency = new Histogram(600_000_000L, 3);
    AtomicInteger remaining = new AtomicInteger(signals);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong lastError = new AtomicLong();
    ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<NationalNetwork.Gemeente> gemeenten = network.gemeenten();
    List<Long> seeds = new ArrayList<>();
    for (int c = 0; c < settings.clients; c++) {
      seeds.add(random.nextLong());
    }
    app.sql.phase(phase);
    SqlMeter.Snapshot before = app.sql.snapshot();
    long t0 = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < settings.clients; c++) {
      Random pick = new Random(seeds.get(c));
      Thread client = new Thread(() -> {
        while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
          String gemeente = gemeenten.get(pick.nextInt(gemeenten.size())).code();
          long s = System.nanoTime();
          try {
            startSignal(app, gemeente, false);
            synchronized (latency) {
              latency.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
            }
            done.incrementAndGet();
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            lastError.set(System.nanoTime());
            if (errorSamples.size() < 3) {
              errorSamples.add(e.getMessage());
            }
          }
        }
      }, "intake-" + app.name + "-" + c);
      clients.add(client);
      client.start();
    }
    for (Thread client : clients) {
      client.join();
    }
    long wall = System.nanoTime() - t0;
    SqlMeter.Snapshot sql = app.sql.snapshot().minus(before);
    app.sql.phase(null);
    return IntakeBlock.of(done.get(), errors.get(), List.copyOf(errorSamples), wall, latency, sql);
  }

  // --- Tasklist: the calls Tasklist makes for its two filters ---

  private final Map<String, Http.Session> sessions = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> filterIds = new LinkedHashMap<>();

  private TasklistSeries tasklist(App app, String user, int reps, int seconds, String phase) {
    String key = app.name + "/" + user;
    Http.Session session = sessions.computeIfAbsent(key,
        k -> app.http.tasklistLogin(app.engineName, user, NationalNetwork.PASSWORD));
    Map<String, String> filters = filterIds.computeIfAbsent(key, k -> {
      Map<String, String> ids = new LinkedHashMap<>();
      for (var f : app.http.send("GET", app.tasklistApi() + "/filter?resourceType=Task", null, session.headers(false))
          .ok().json()) {
        ids.put(f.get("name").asText(), f.get("id").asText());
      }
      return ids;
    });
    TasklistSeries series = new TasklistSeries();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    app.sql.phase(phase);
    SqlMeter.Snapshot before = app.sql.snapshot();
    for (int rep = 0; rep < reps && (rep == 0 || System.nanoTime() < deadline); rep++) {
      for (String filter : List.of("Taken voor mijn rollen", "Mijn taken")) {
        String id = filters.get(filter);
        if (id == null) {
          throw new IllegalStateException(app.name + " has no Tasklist filter '" + filter + "' for " + user + ": " + filters);
        }
        long s = System.nanoTime();
        Http.Response list = app.http.send("POST", app.tasklistApi() + "/filter/" + id + "/list?firstResult=0&maxResults=15",
            body, session.headers(true)).ok();
        long l = System.nanoTime();
        Http.Response count = app.http.send("GET", app.tasklistApi() + "/filter/" + id + "/count", null,
            session.headers(false)).ok();
        long e = System.nanoTime();
        series.record(filter, (l - s) / 1000, (e - l) / 1000, count.json().get("count").asLong(), list.body().length());
      }
    }
    series.sql = app.sql.snapshot().minus(before);
    app.sql.phase(null);
    return series;
  }

  static void log(String message) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
  }
}
