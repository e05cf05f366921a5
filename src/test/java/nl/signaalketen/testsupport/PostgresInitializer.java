package nl.signaalketen.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the tests' PostgreSQL instead of the default H2 file. */
public class PostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPostgres db = TestPostgres.get();
    TestPropertyValues.of(
            "spring.datasource.url=" + db.jdbcUrl(),
            "spring.datasource.username=" + (db.username() == null ? "" : db.username()),
            "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
            // Tests drive jobs and timers themselves, so nothing runs behind their back.
            "camunda.bpm.job-execution.enabled=false",
            // Fail fast rather than wait 30 s should a connection be asked for after the server stopped.
            "spring.datasource.hikari.connection-timeout=3000")
        .applyTo(context);
  }
}
