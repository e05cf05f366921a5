package nl.signaalketen.startup;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Start-up work that runs once per installation, not at every start of every node: an upgrade's
 * pass over all open work (table sk_startup_step). A step that finished has its row.
 */
@Component
public class StartupSteps {

  private final JdbcClient jdbc;
  private final Clock clock;

  public StartupSteps(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether the step finished once, on any node. */
  public boolean done(String step) {
    return jdbc.sql("select count(*) from sk_startup_step where step = ?").param(step).query(Long.class).single() > 0;
  }

  /** Records the step as finished; another node that finished it at the same time is fine. */
  public void markDone(String step) {
    if (done(step)) {
      return;
    }
    try {
      jdbc.sql("insert into sk_startup_step (step, done_at) values (?, ?)").param(step)
          .param(Timestamp.from(clock.instant())).update();
    } catch (DuplicateKeyException finishedElsewhere) {
      // The other node's row says the same.
    }
  }
}
