package nl.signaalketen.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

import nl.signaalketen.api.ConflictException;
import nl.signaalketen.network.RoleAssignmentsChanged;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps open tasks in line with the registry: when who holds a role changes, every open task of
 * that role in the affected gemeenten is offered to the current holders (a claimed task returns to
 * the pool if its assignee lost the role). A change that would leave a task that has holders now
 * with nobody is refused, naming the tasks, so the administrator assigns a successor first.
 */
@Component
public class OpenTaskReassigner {

  private final TaskService tasks;
  private final TaskRoles taskRoles;
  private final CandidateResolver resolver;
  private final UnownedTaskIncidents incidents;

  public OpenTaskReassigner(TaskService tasks, TaskRoles taskRoles, CandidateResolver resolver,
      UnownedTaskIncidents incidents) {
    this.tasks = tasks;
    this.taskRoles = taskRoles;
    this.resolver = resolver;
    this.incidents = incidents;
  }

  /** Runs inside the registry's transaction; throwing rolls the registry change back. */
  @EventListener
  public void onAssignmentsChanged(RoleAssignmentsChanged change) {
    List<String> orphaned = new ArrayList<>();
    List<Runnable> updates = new ArrayList<>();
    for (String gemeente : change.gemeenten()) {
      List<Task> open = tasks.createTaskQuery()
          .processVariableValueEquals(CaseVariables.GEMEENTE, gemeente).list().stream()
          .filter(t -> taskRoles.roleOf(t).filter(change.roleCode()::equals).isPresent())
          .toList();
      if (open.isEmpty()) {
        continue;
      }
      // The holders depend only on role and gemeente: asked once for all of its tasks.
      SortedSet<String> wanted = resolver.candidates(change.roleCode(), gemeente);
      for (Task task : open) {
        Set<String> current = candidateUsers(task.getId());
        if (wanted.isEmpty() && !current.isEmpty()) {
          orphaned.add(String.format("taak '%s' (%s) van procesinstantie %s voor %s", task.getName(),
              task.getId(), task.getProcessInstanceId(), gemeente));
        } else if (!wanted.isEmpty()) {
          updates.add(() -> offer(task, current, wanted));
        }
      }
    }
    if (!orphaned.isEmpty()) {
      throw new ConflictException("Deze wijziging laat open taken achter zonder iemand met de rol '"
          + change.roleCode() + "'. Geef de rol eerst aan iemand anders.", orphaned);
    }
    updates.forEach(Runnable::run);
  }

  private void offer(Task task, Set<String> current, Set<String> wanted) {
    // Unassigned first: the assignee's grant goes with the offer only once they no longer hold the task.
    if (task.getAssignee() != null && !wanted.contains(task.getAssignee())) {
      tasks.setAssignee(task.getId(), null);
    }
    current.stream().filter(u -> !wanted.contains(u))
        .forEach(u -> tasks.deleteCandidateUser(task.getId(), u));
    wanted.stream().filter(u -> !current.contains(u))
        .forEach(u -> tasks.addCandidateUser(task.getId(), u));
    incidents.resolveFor(task.getId());
  }

  private Set<String> candidateUsers(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(l -> l.getUserId())
        .collect(Collectors.toSet());
  }
}
