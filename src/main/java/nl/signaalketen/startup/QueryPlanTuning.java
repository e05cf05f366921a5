package nl.signaalketen.startup;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two PostgreSQL settings for Tasklist's "Taken voor mijn rollen" (the newest tasks offered to the
 * user's groups, and their count), made at start on PostgreSQL only, without touching a column of
 * Camunda's schema:
 * <ul>
 *   <li>A statistics target that covers every group of the task links. With the default most
 *   role-and-gemeente groups fall outside the most-common values, a small gemeente's share is
 *   overestimated and the planner walks the task table from the newest task back (0.33 s for a
 *   user who sees 138 of 100k tasks).</li>
 *   <li>An index of task ids with the two columns the query filters on (assignee, tenant), an
 *   addition Camunda's performance tuning guide allows. Without it the count for a ZVH-wide role
 *   that sees 10k of 100k tasks reads every task row (a sequential scan, about 100 ms); with it
 *   each of the user's tasks is checked in the index alone.</li>
 * </ul>
 */
@Component
class QueryPlanTuning {

  private static final Logger LOG = LoggerFactory.getLogger(QueryPlanTuning.class);
  static final int TARGET = 5000;
  static final String OPEN_TASK_INDEX = "sk_task_id_assignee_tenant";

  private final DataSource dataSource;

  QueryPlanTuning(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void tune() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    widenGroupStatistics(jdbc);
    indexOpenTaskChecks(jdbc);
  }

  private static void widenGroupStatistics(JdbcTemplate jdbc) {
    Integer current = jdbc.query("select a.attstattarget from pg_attribute a join pg_class c on c.oid = a.attrelid"
        + " where c.relname = 'act_ru_identitylink' and a.attname = 'group_id_' and pg_table_is_visible(c.oid)",
        rs -> rs.next() ? rs.getInt(1) : null);
    if (current != null && current != TARGET) {
      jdbc.execute("alter table act_ru_identitylink alter column group_id_ set statistics " + TARGET);
      jdbc.execute("analyze act_ru_identitylink");
      LOG.info("Statistics target of act_ru_identitylink.group_id_ set to {}", TARGET);
    }
  }

  /**
   * Built concurrently, so a large installation keeps taking signals meanwhile. A build that was
   * interrupted leaves an invalid index, which is dropped and built again; a node that starts at
   * the same moment as another may find the build already under way, and leaves it to that node.
   */
  private static void indexOpenTaskChecks(JdbcTemplate jdbc) {
    Boolean valid = jdbc.query("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
        + " where c.relname = ? and pg_table_is_visible(c.oid)", rs -> rs.next() ? rs.getBoolean(1) : null,
        OPEN_TASK_INDEX);
    if (Boolean.TRUE.equals(valid)) {
      return;
    }
    try {
      if (valid != null) {
        jdbc.execute("drop index concurrently if exists " + OPEN_TASK_INDEX);
      }
      jdbc.execute("create index concurrently if not exists " + OPEN_TASK_INDEX
          + " on act_ru_task (id_) include (assignee_, tenant_id_)");
      LOG.info("Index {} on act_ru_task created", OPEN_TASK_INDEX);
    } catch (DataAccessException e) {
      LOG.warn("Index {} on act_ru_task not created now ({}); the next start tries again", OPEN_TASK_INDEX,
          e.getClass().getSimpleName());
    }
  }
}
