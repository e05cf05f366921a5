package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void startsARealPostgresqlThatAcceptsQueries() throws SQLException {
        assertThat(queryOne("select 1")).isEqualTo("1");
    }

    @Test
    void reportsAServerVersionThatStartsWithADigit() throws SQLException {
        assertThat(queryOne("show server_version")).matches("\\d.*");
    }

    @Test
    void describesWhichPostgresqlItUses() throws SQLException {
        String version = queryOne("show server_version").split("\\s+")[0];

        assertThat(TestPostgres.get().description()).startsWith("PostgreSQL " + version + " (");
    }

    @Test
    void sharesOneServerAcrossTheWholeTestRun() {
        assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
    }

    @Test
    void givesTheTestsAFreshDatabaseInsteadOfThePostgresDatabase() throws SQLException {
        assumeTrue(System.getenv(TestPostgres.URL_ENV) == null, "only the embedded server creates its own database");

        assertThat(queryOne("select current_database()")).isEqualTo("signaalketen");
        assertThat(queryOne("select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("0");
    }

    @Test
    void leavesThePasswordOutOfPrintedUrls() {
        assertThat(TestPostgres.withoutPassword("jdbc:postgresql://db:5432/x?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=u&ssl=true");
        assertThat(TestPostgres.withoutPassword("jdbc:postgresql://db:5432/x?password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/x");
    }

    private static String queryOne(String sql) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from: %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
