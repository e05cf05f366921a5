package nl.signaalketen.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same moment start one after the other: on PostgreSQL the first holds a
 * session advisory lock from before the engine creates or checks its schema until the application
 * is ready (deployment, registry mirror, rights), so a second node neither collides on Camunda's
 * schema creation nor deploys the processes a second time. The lock goes with its connection: a
 * node that dies while starting frees it. H2 (one node by nature) takes no lock.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

  /** An arbitrary constant of ours for pg_advisory_lock ("sk-start"). */
  static final long KEY = 0x736b2d7374617274L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long waited = System.nanoTime();
      // Tried, not awaited in one statement: a waiting statement keeps a snapshot, and the first
      // node's CREATE INDEX CONCURRENTLY (QueryPlanTuning) waits for every snapshot: a deadlock.
      while (!tryLock(connection)) {
        Thread.sleep(250);
      }
      held = connection;
      LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - waited) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node to finish starting", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         var result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Start-up lock not released cleanly; closing its connection frees it");
    } finally {
      held = null;
    }
  }
}
