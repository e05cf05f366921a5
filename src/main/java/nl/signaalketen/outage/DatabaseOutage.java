package nl.signaalketen.outage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure means "the database cannot be reached", and how every API answers it. */
public final class DatabaseOutage {

  public static final int STATUS = 503;
  public static final int RETRY_AFTER_SECONDS = 10;
  public static final String MESSAGE =
      "De database is tijdelijk niet bereikbaar. Er is niets opgeslagen; probeer het over enkele seconden opnieuw.";
  /** Camunda's error shape ({"type", "message"}), which Tasklist shows. */
  public static final String BODY = "{\"type\":\"DatabaseUnavailable\",\"status\":503,\"message\":\"" + MESSAGE + "\"}";

  private DatabaseOutage() {}

  /**
   * The pool gave up waiting for a connection, a connection could not be made or was cut, or the
   * server is shutting down or starting (SQL state classes 08 and 57P).
   */
  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, 0);
  }

  private static boolean causedBy(Throwable failure, int depth) {
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
      // A rollback that failed too (the connection is gone) hides the first failure behind "Connection is closed".
      if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
          && causedBy(tx.getApplicationException(), depth + 1)) {
        return true;
      }
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
          || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
