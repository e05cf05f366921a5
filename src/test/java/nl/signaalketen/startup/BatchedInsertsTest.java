package nl.signaalketen.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.signaalketen.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine flushes its rows as one JDBC batch per table (29 variables and their history per
 * signal); the application's connections send such a batch to PostgreSQL as one multi-row insert.
 */
@IntegrationTest
class BatchedInsertsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void aBatchOfInsertsReachesPostgresqlAsOneStatement() {
    Integer statements = transaction.execute(status -> {
      jdbc.execute("create temporary table batch_probe (v int) on commit drop");
      jdbc.execute("create temporary table batch_statements (n int) on commit drop");
      jdbc.execute("create function pg_temp.count_statement() returns trigger language plpgsql as"
          + " $$ begin insert into batch_statements values (1); return null; end $$");
      jdbc.execute("create trigger per_statement after insert on batch_probe"
          + " for each statement execute function pg_temp.count_statement()");

      jdbc.batchUpdate("insert into batch_probe (v) values (?)", List.of(new Object[] {1}, new Object[] {2},
          new Object[] {3}, new Object[] {4}));

      assertThat(jdbc.queryForObject("select count(*) from batch_probe", Integer.class)).isEqualTo(4);
      return jdbc.queryForObject("select count(*) from batch_statements", Integer.class);
    });

    assertThat(statements).isEqualTo(1);
  }
}
