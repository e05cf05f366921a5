package nl.signaalketen.startup;

import static org.assertj.core.api.Assertions.assertThat;

import nl.signaalketen.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class QueryPlanStatisticsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void onPostgresqlTheGroupsOfTaskLinksAreAllCountedInThePlannersStatistics() {
    Integer target = jdbc.sql("select a.attstattarget from pg_attribute a join pg_class c on c.oid = a.attrelid"
        + " where c.relname = 'act_ru_identitylink' and a.attname = 'group_id_'").query(Integer.class).single();

    assertThat(target).isEqualTo(QueryPlanStatistics.TARGET);
  }
}
