package nl.signaalketen.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An installation that started with an older role filter gets today's at its next start. */
@IntegrationTest
class TasklistFiltersTest {

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  @Test
  void aRoleFilterWithAnOlderQueryIsReplacedAndKeepsItsId() {
    Filter roles = filters.createTaskFilterQuery().filterName(TasklistFilters.MY_ROLES).singleResult();
    filters.saveFilter(roles.setQuery(tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")));

    tasklistFilters.ensureFilters();

    TaskQueryImpl query = filters.getFilter(roles.getId()).getQuery();
    assertThat(query.getExpressions()).containsExactly(Map.entry("taskCandidateGroupIn", "${currentUserGroups()}"));
    assertThat(filters.createTaskFilterQuery().filterName(TasklistFilters.MY_ROLES).count()).isEqualTo(1);
  }
}
