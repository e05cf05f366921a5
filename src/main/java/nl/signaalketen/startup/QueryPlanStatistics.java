package nl.signaalketen.startup;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasklist's "Taken voor mijn rollen" asks for the newest tasks offered to the user's groups. With
 * PostgreSQL's default statistics most role-and-gemeente groups fall outside the column's
 * most-common values, so a small gemeente's share is overestimated and the planner walks the
 * task table from the newest task back, probing every task's links (42k tasks, 0.33 s, for a user
 * who sees 138 of 100k). With a statistics target that covers every group, the estimate is
 * right and the query starts from the group's own links. Set once on PostgreSQL (an ordinary
 * column setting, no change to Camunda's schema); ANALYZE (autovacuum) then uses it.
 */
@Component
class QueryPlanStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(QueryPlanStatistics.class);
  static final int TARGET = 5000;

  private final DataSource dataSource;

  QueryPlanStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void widenGroupStatistics() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    Integer current = jdbc.query("select a.attstattarget from pg_attribute a join pg_class c on c.oid = a.attrelid"
        + " where c.relname = 'act_ru_identitylink' and a.attname = 'group_id_' and pg_table_is_visible(c.oid)",
        rs -> rs.next() ? rs.getInt(1) : null);
    if (current != null && current != TARGET) {
      jdbc.execute("alter table act_ru_identitylink alter column group_id_ set statistics " + TARGET);
      jdbc.execute("analyze act_ru_identitylink");
      LOG.info("Statistics target of act_ru_identitylink.group_id_ set to {}", TARGET);
    }
  }
}
