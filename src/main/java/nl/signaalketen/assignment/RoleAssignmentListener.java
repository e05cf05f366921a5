package nl.signaalketen.assignment;

import java.util.SortedSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On task creation: offers the task to its role for the case's gemeente and ZVH (the registry's
 * groups, which give access) and names everyone who holds that role today (candidate users, so
 * Tasklist and history say who), or raises an incident when nobody does. Added to every user task by
 * nl.signaalketen.engine.ChainEnginePlugin.
 */
@Component("roleAssignmentListener")
public class RoleAssignmentListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(RoleAssignmentListener.class);

  private final CandidateResolver resolver;
  private final UnownedTaskIncidents incidents;

  public RoleAssignmentListener(CandidateResolver resolver, UnownedTaskIncidents incidents) {
    this.resolver = resolver;
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    String declared = TaskRoles.roleOf(task.getBpmnModelElementInstance())
        .orElseThrow(() -> new ProcessEngineException("User task '" + task.getName() + "' ("
            + task.getTaskDefinitionKey() + ") declares no network role"));
    String role = TaskRoles.variableName(declared).map(name -> variable(task, name)).orElse(declared);
    Object gemeente = task.getVariable(CaseVariables.GEMEENTE);
    String gemeenteCode = gemeente == null ? null : gemeente.toString();
    CandidateResolver.Offer offer = resolver.offer(role, gemeenteCode);
    // The groups, held or not: whoever holds the role now or later sees the task (the engine grants
    // a candidate group), one grant per group.
    task.addCandidateGroups(offer.groups());
    SortedSet<String> users = offer.candidates();
    if (users.isEmpty()) {
      LOG.warn("Task {} ({}): nobody holds role {} for {}; incident raised", task.getId(),
          task.getTaskDefinitionKey(), role, gemeenteCode);
      incidents.raise(task, role, gemeenteCode);
      return;
    }
    task.addCandidateUsers(users);
    LOG.debug("Task {} ({}) offered to {} holder(s) of role {}", task.getId(),
        task.getTaskDefinitionKey(), users.size(), role);
  }

  /** A task must not be created without knowing its role, so an unset role variable is an error. */
  private static String variable(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      throw new ProcessEngineException("User task '" + task.getName() + "' takes its role from"
          + " variable '" + name + "', which is not set");
    }
    return value.toString();
  }
}
