package nl.signaalketen.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import java.util.List;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.network.IdentitySync;
import nl.signaalketen.startup.StartupSteps;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing rights per group. Tasks themselves are granted per task: Camunda gives each
 * candidate user READ, READ_VARIABLE and TASK_WORK (claim, complete; not UPDATE) on the task it is
 * offered, so a professional sees and works only tasks for roles they hold. Nobody here gets variable permissions on process definitions: with
 * enforceSpecificVariablePermission, managers see flow and counts in Cockpit but no case data.
 */
@Component
public class CamundaAuthorizations {

  /** Roles whose holders register a signal at the meldpunt (start the chain in Tasklist). */
  public static final List<String> INTAKE_ROLES = List.of("medewerker-meldpunt", "adviseur-radicalisering");
  /** Partner professionals who may start the Werkwijze informatie delen in their organisation. */
  static final String[] PARTNER_ROLES = {"aandachtsfunctionaris-school", "jongerenwerker",
      "ggz-behandelaar", "ggd-medewerker", "huisarts", "woningcorporatie-medewerker"};
  static final String SHARING_PROCESS = "informatie-delen";
  public static final String MANAGER_ROLE = "ketenmanager";
  static final String CHAIN_PROCESS = CaseKeys.CHAIN_PROCESS;
  /** Every BPMN in processes/ has this target namespace; Camunda keeps it as the category. */
  public static final String CHAIN_NAMESPACE = "https://signaalketen.nl/processes";
  private static final String ANY = "*";

  private static final String NARROW_STEP = "task-grants-narrowed-to-work";

  private final Grants grants;
  private final RepositoryService repository;
  private final StartupSteps steps;

  public CamundaAuthorizations(Grants grants, RepositoryService repository, StartupSteps steps) {
    this.grants = grants;
    this.repository = repository;
    this.steps = steps;
  }

  /**
   * Radicalisation cases are kept apart from any other work in the installation: rights are
   * granted per process of the chain, never on all definitions or instances.
   */
  List<String> chainProcesses() {
    return repository.createProcessDefinitionQuery().processDefinitionCategory(CHAIN_NAMESPACE)
        .latestVersion().list().stream().map(ProcessDefinition::getKey).distinct().toList();
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(20)
  public void grantStandingRights() {
    String all = IdentitySync.ALL_PROFESSIONALS;
    grants.toGroup(all, Resources.APPLICATION, "tasklist", ACCESS);
    // Rights of earlier versions on all definitions and instances: no longer given.
    grants.revokeFromGroup(all, Resources.PROCESS_DEFINITION, ANY);
    grants.revokeFromGroup(MANAGER_ROLE, Resources.PROCESS_DEFINITION, ANY);
    grants.revokeFromGroup(MANAGER_ROLE, Resources.PROCESS_INSTANCE, ANY);
    List<String> chain = chainProcesses();
    for (String process : chain) {
      // Process names and diagrams in Tasklist; gives no instance or variable.
      grants.toGroup(all, Resources.PROCESS_DEFINITION, process, READ);
      // Flow, counts and durations in Cockpit: instances and history, no variable permission.
      grants.toGroup(MANAGER_ROLE, Resources.PROCESS_DEFINITION, process, READ, READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE);
    }
    for (String role : INTAKE_ROLES) {
      grants.toGroup(role, Resources.PROCESS_DEFINITION, CHAIN_PROCESS, READ, CREATE_INSTANCE);
      grants.toGroup(role, Resources.PROCESS_INSTANCE, ANY, CREATE);
    }
    for (String role : PARTNER_ROLES) {
      grants.toGroup(role, Resources.PROCESS_DEFINITION, SHARING_PROCESS, READ, CREATE_INSTANCE);
      grants.toGroup(role, Resources.PROCESS_INSTANCE, ANY, CREATE);
    }
    grants.toGroup(MANAGER_ROLE, Resources.APPLICATION, "cockpit", ACCESS);
    // Once per installation: a pass over all task grants (they grow with the open work).
    if (!steps.done(NARROW_STEP)) {
      grants.narrowTaskGrantsToWork();
      steps.markDone(NARROW_STEP);
    }
  }
}
