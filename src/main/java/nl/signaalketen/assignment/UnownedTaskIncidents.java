package nl.signaalketen.assignment;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A task whose role nobody holds for the case's gemeente must not sit unseen: it gets an incident,
 * which Cockpit shows with a message naming the role and the gemeente. The incident is resolved as
 * soon as the registry gives the role to someone (see OpenTaskReassigner).
 */
@Component
public class UnownedTaskIncidents {

  public static final String INCIDENT_TYPE = "geenRolhouder";

  private final RuntimeService runtime;
  private final CandidateResolver names;

  public UnownedTaskIncidents(RuntimeService runtime, CandidateResolver names) {
    this.runtime = runtime;
    this.names = names;
  }

  public void raise(DelegateTask task, String roleCode, String gemeenteCode) {
    task.getExecution().createIncident(INCIDENT_TYPE, task.getId(),
        message(task.getName(), roleCode, gemeenteCode));
  }

  public String message(String taskName, String roleCode, String gemeenteCode) {
    return String.format("Niemand heeft de rol %s (%s) voor %s: taak '%s' wacht op een rolhouder."
            + " Wijs de rol toe in het netwerkregister.", names.roleName(roleCode), roleCode,
        names.organisationName(gemeenteCode), taskName);
  }

  /** Resolves the open incident of this task, if any, once the task has candidates again. */
  public void resolveFor(String taskId) {
    for (Incident incident : runtime.createIncidentQuery().incidentType(INCIDENT_TYPE)
        .configuration(taskId).list()) {
      runtime.resolveIncident(incident.getId());
    }
  }
}
