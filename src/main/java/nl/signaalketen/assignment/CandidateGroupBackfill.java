package nl.signaalketen.assignment;

import java.util.List;

import nl.signaalketen.startup.StartupSteps;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An upgrade: earlier versions shared open tasks with their role's groups by a grant alone, without
 * making the groups candidates, so "Taken voor mijn rollen" (which asks for candidate groups) would
 * not list them. Once per installation, every open task of a role without candidate groups gets
 * them, as RoleAssignmentListener gives them to a new task.
 */
@Component
class CandidateGroupBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(CandidateGroupBackfill.class);
  static final String STEP = "candidate-groups-of-open-tasks";
  private static final int PAGE = 500;

  private final TaskService tasks;
  private final TaskRoles taskRoles;
  private final CandidateResolver resolver;
  private final StartupSteps steps;

  CandidateGroupBackfill(TaskService tasks, TaskRoles taskRoles, CandidateResolver resolver, StartupSteps steps) {
    this.tasks = tasks;
    this.taskRoles = taskRoles;
    this.resolver = resolver;
    this.steps = steps;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(40)
  public void offerOpenTasksToTheirGroups() {
    if (steps.done(STEP)) {
      return;
    }
    int added = backfill();
    steps.markDone(STEP);
    if (added > 0) {
      LOG.info("Candidate groups: {} open task(s) offered to their role's groups", added);
    }
  }

  /** Answers how many tasks got groups; a task without role or gemeente is passed over, not retried. */
  int backfill() {
    int added = 0;
    int skipped = 0;
    List<Task> page;
    do {
      page = tasks.createTaskQuery().withoutCandidateGroups().includeAssignedTasks().orderByTaskId().asc()
          .listPage(skipped, PAGE);
      for (Task task : page) {
        Object gemeente = tasks.getVariable(task.getId(), CaseVariables.GEMEENTE);
        List<String> groups = taskRoles.roleOf(task)
            .map(role -> resolver.offer(role, gemeente == null ? null : gemeente.toString()).groups())
            .orElse(List.of());
        if (groups.isEmpty()) {
          skipped++;
        } else {
          groups.forEach(group -> tasks.addCandidateGroup(task.getId(), group));
          added++;
        }
      }
    } while (!page.isEmpty());
    return added;
  }
}
