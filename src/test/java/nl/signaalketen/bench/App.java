package nl.signaalketen.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.bench.twin.TwinApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One of the two applications under test, started in this JVM on its own database and port. */
final class App implements AutoCloseable {

  static final String ADMIN = "beheerder";
  static final String ADMIN_PASSWORD = "Bench-Beheer-2025!";

  final String name;
  final boolean product;
  final String database;
  final int port;
  final String engineName;
  final SqlMeter sql = new SqlMeter();
  final Http http;
  ConfigurableApplicationContext context;
  /** SpringApplication start to the first 200 on /camunda/app/tasklist/, in ms. */
  long coldStartMillis;

  private App(String name, boolean product, String database, String engineName) {
    this.name = name;
    this.product = product;
    this.database = database;
    this.engineName = engineName;
    this.port = freePort();
    this.http = new Http(port);
  }

  static App product() {
    return new App("product", true, BenchPostgres.PRODUCT, "default");
  }

  static App twin() {
    // Both engines live in this JVM, and Camunda keeps engines in a static registry by name; the
    // twin's is called "twin" and reached as /engine-rest/engine/twin, /camunda/api/engine/engine/twin.
    return new App("twin", false, BenchPostgres.TWIN, "twin");
  }

  /** The twin alone in a JVM of its own (cold start): its engine is the default one there. */
  static App twinAlone() {
    return new App("twin", false, BenchPostgres.TWIN, "default");
  }

  /** The REST API root of this app's engine. */
  String rest() {
    return "default".equals(engineName) ? "/engine-rest" : "/engine-rest/engine/" + engineName;
  }

  /** Tasklist's own API root for this engine. */
  String tasklistApi() {
    return "/camunda/api/engine/engine/" + engineName;
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  /** Starts the app; measures SpringApplication start to the first 200 on /camunda/app/tasklist/. */
  void start(BenchPostgres db, Path forms, BenchSettings settings) {
    start(db, forms, settings, List.of());
  }

  void start(BenchPostgres db, Path forms, BenchSettings settings, List<String> extraArgs) {
    List<String> args = new ArrayList<>(extraArgs);
    args.add("--server.port=" + port);
    args.add("--spring.datasource.url=" + db.url(database));
    args.add("--spring.datasource.username=postgres");
    args.add("--spring.datasource.password=");
    args.add("--bench.gemeenten=" + settings.gemeenten);
    args.add("--bench.regions=" + settings.regions);
    String formsPattern = "file:" + forms.toAbsolutePath() + "/*.form";
    SpringApplicationBuilder builder;
    if (product) {
      // Like production (application-postgres.yaml): authorization on, no demo network, the first
      // administrator and the person-key secret from the environment (here: properties).
      args.add("--spring.profiles.active=postgres");
      args.add("--signaalketen.admin.id=" + ADMIN);
      args.add("--signaalketen.admin.password=" + ADMIN_PASSWORD);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      args.add("--signaalketen.person-key-secret=" + HexFormat.of().formatHex(secret));
      args.add("--camunda.bpm.deployment-resource-pattern[0]=classpath*:processes/**/*.bpmn");
      args.add("--camunda.bpm.deployment-resource-pattern[1]=classpath*:processes/**/*.dmn");
      args.add("--camunda.bpm.deployment-resource-pattern[2]=" + formsPattern);
      builder = new SpringApplicationBuilder(SignaalketenApplication.class);
    } else {
      args.add("--spring.config.location=classpath:/bench/twin.yaml");
      args.add("--camunda.bpm.process-engine-name=" + engineName);
      int i = 0;
      for (String file : List.of("signaalketen.bpmn", "melding.bpmn", "weging.bpmn", "routering-duiding.dmn",
          "partners-weging.dmn", "toelatingscriteria-zvh.dmn")) {
        args.add("--camunda.bpm.deployment-resource-pattern[" + i++ + "]=classpath*:processes/" + file);
      }
      args.add("--camunda.bpm.deployment-resource-pattern[" + i + "]=" + formsPattern);
      builder = new SpringApplicationBuilder(TwinApplication.class);
    }
    builder.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(sql.wrapper(name)));
    AtomicLong firstOk = new AtomicLong();
    long t0 = System.nanoTime();
    Thread poller = new Thread(() -> {
      while (firstOk.get() == 0 && !Thread.currentThread().isInterrupted()) {
        try {
          if (http.getStatusFollowing("/camunda/app/tasklist/") == 200) {
            firstOk.set(System.nanoTime());
            return;
          }
        } catch (RuntimeException notYet) {
          // connection refused until the server listens
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "cold-start-" + name);
    poller.setDaemon(true);
    poller.start();
    context = builder.run(args.toArray(String[]::new));
    try {
      poller.join(120_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    coldStartMillis = firstOk.get() == 0 ? -1 : (firstOk.get() - t0) / 1_000_000;
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
