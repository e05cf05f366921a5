package nl.signaalketen.startup;

import static org.assertj.core.api.Assertions.assertThat;


import nl.signaalketen.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class QueryPlanTuningTest {

  @Autowired JdbcClient jdbc;

  @Test
  void onPostgresqlTheGroupsOfTaskLinksAreAllCountedInThePlannersStatistics() {
    Integer target = jdbc.sql("select a.attstattarget from pg_attribute a join pg_class c on c.oid = a.attrelid"
        + " where c.relname = 'act_ru_identitylink' and a.attname = 'group_id_'").query(Integer.class).single();

    assertThat(target).isEqualTo(QueryPlanTuning.TARGET);
  }

  /** Which plan uses it depends on the data; the bench shows it at 100k open tasks. */
  @Test
  void onPostgresqlTheTaskTableHasAValidIndexOfTaskIdsWithTheColumnsTasklistsQueriesFilterOn() {
    var index = jdbc.sql("select pg_get_indexdef(i.indexrelid) as definition, i.indisvalid as valid from pg_index i"
        + " join pg_class c on c.oid = i.indexrelid where c.relname = ?").param(QueryPlanTuning.OPEN_TASK_INDEX)
        .query().singleRow();

    assertThat(index.get("definition").toString()).endsWith("ON public.act_ru_task USING btree (id_) INCLUDE (assignee_, tenant_id_)");
    assertThat(index.get("valid")).isEqualTo(true);
  }
}
