package nl.signaalketen.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

  @Test
  void aCutConnectionDeepInsideTheEnginesWrappingIsAnOutage() {
    var cut = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEnginePersistenceException("persistence", new PersistenceException("q", cut)), "query failed");
    assertThat(DatabaseOutage.causedBy(wrapped)).isTrue();
  }

  @Test
  void aRollbackThatFailedBecauseTheConnectionIsGoneStillShowsTheOutageBehindIt() {
    var cut = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    var first = new ProcessEnginePersistenceException("persistence", new PersistenceException("q", cut));
    var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(first);
    assertThat(DatabaseOutage.causedBy(new ProcessEnginePersistenceException("persistence", rollback))).isTrue();
  }

  @Test
  void aPoolThatGaveUpAndATransactionThatCouldNotStartAreOutages() {
    assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
  }

  @Test
  void aConstraintViolationOrAnyOtherFailureIsNoOutage() {
    assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.causedBy(null)).isFalse();
  }
}
