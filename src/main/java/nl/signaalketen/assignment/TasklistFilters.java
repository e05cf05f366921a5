package nl.signaalketen.assignment;

import java.util.Map;

import nl.signaalketen.network.IdentitySync;
import nl.signaalketen.security.Grants;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows no task without a filter. Every professional gets "Mijn taken" (claimed by me)
 * and "Taken voor mijn rollen" (offered to a group of a role I hold today, for a gemeente or a ZVH).
 * Both ask only for the user's own work, which the engine answers without a per-row authorization
 * check (nl.signaalketen.security.AuthorizedGroups); an installation that has an older query in a
 * filter gets these at its next start.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "Mijn taken";
  public static final String MY_ROLES = "Taken voor mijn rollen";
  private static final String CURRENT_USER = "${currentUser()}";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  private final FilterService filters;
  private final TaskService taskService;
  private final Grants grants;

  public TasklistFilters(FilterService filters, TaskService taskService, Grants grants) {
    this.filters = filters;
    this.taskService = taskService;
    this.grants = grants;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(30)
  public void ensureFilters() {
    ensure(MY_TASKS, "Taken die u heeft geclaimd", -10,
        taskService.createTaskQuery().taskAssigneeExpression(CURRENT_USER));
    ensure(MY_ROLES, "Taken voor een rol die u vandaag vervult, nog door niemand geclaimd", 0,
        taskService.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS));
  }

  private void ensure(String name, String description, int priority, TaskQuery query) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setProperties(Map.of("description", description, "priority", priority, "refresh", true))
          .setQuery(query);
      filters.saveFilter(filter);
    } else if (!sameCriteria(filter.<TaskQueryImpl>getQuery(), query)) {
      filters.saveFilter(filter.setQuery(query));
    }
    grants.toGroup(IdentitySync.ALL_PROFESSIONALS, Resources.FILTER, filter.getId(),
        Permissions.READ);
  }

  /** Our filters hold one expression each ("for the signed-in user"): that says whether a stored query is ours. */
  private static boolean sameCriteria(TaskQueryImpl stored, TaskQuery wanted) {
    return stored.getQueries().size() == 1 && stored.getExpressions().equals(((TaskQueryImpl) wanted).getExpressions());
  }
}
