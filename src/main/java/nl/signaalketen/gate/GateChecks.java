package nl.signaalketen.gate;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import nl.signaalketen.formvalidation.FormRules;
import nl.signaalketen.formvalidation.FormWrites;
import org.camunda.bpm.engine.IdentityService;
import nl.signaalketen.security.VariableFilterRefusal;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What the gate checks of an allowed operation's request, by {@link Operation.Check}. */
@Component
class GateChecks {

  /** Query parameters and body fields of Camunda's queries that filter on variable values. */
  static final Set<String> VARIABLE_FILTERS = Set.of("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "caseExecutionVariables", "variableValues", "variableValue");
  /** The same answer the engine gives such a query (the gate also sees the webapps' own queries). */
  static final String VARIABLE_FILTER_REFUSED = VariableFilterRefusal.MESSAGE;
  private static final Set<String> TASK_FORM_FIELDS = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> START_FORM_FIELDS = Set.of("variables", "withVariablesInReturn", "businessKey");

  private final ProcessEngine engine;
  private final FormWrites forms;
  private final StartableDefinitions definitions;

  GateChecks(ProcessEngine engine, FormWrites forms, StartableDefinitions definitions) {
    this.engine = engine;
    this.forms = forms;
    this.definitions = definitions;
  }

  /** A non-task query: no parameter or body field that filters on variable values. */
  void query(HttpServletRequest request, byte[] body) {
    taskQuery(request);
    for (String name : VARIABLE_FILTERS) {
      String[] values = request.getParameterValues(name);
      if (values != null && List.of(values).stream().anyMatch(v -> !v.isBlank())) {
        throw Refusal.badRequest(VARIABLE_FILTER_REFUSED);
      }
    }
    if (body != null && body.length > 0 && JsonBodies.filtersOnValues(JsonBodies.parse(body))) {
      throw Refusal.badRequest(VARIABLE_FILTER_REFUSED);
    }
  }

  /** A task query: it may filter on the caller's own tasks' variables, not return them (unlogged). */
  void taskQuery(HttpServletRequest request) {
    if ("true".equalsIgnoreCase(request.getParameter("withTaskVariablesInReturn"))) {
      throw Refusal.badRequest("withTaskVariablesInReturn: wat een taak mag lezen, leest u via haar formulier.");
    }
  }

  /** Claim: for oneself only ({"userId": the caller}). */
  void claim(RestCaller caller, String taskId, byte[] body) {
    JsonNode user = JsonBodies.parse(body).path("userId");
    if (!user.isTextual() || !user.asText().equals(caller.userId())) {
      throw Refusal.forbidden("U kunt een taak alleen voor uzelf claimen.");
    }
    Task task = ownTask(caller, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
      throw new Refusal(409, "Deze taak is al geclaimd door iemand anders.");
    }
  }

  /** A task the caller may see (one query, with the caller's rights); else the same 404 as for no task at all. */
  Task ownTask(RestCaller caller, String taskId) {
    Task task = asCaller(caller, () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw Refusal.notFound("Deze taak bestaat niet, of is niet voor u.");
    }
    return task;
  }

  /** Unclaim: only the caller's own claim. */
  void unclaim(RestCaller caller, String taskId) {
    Task task = ownTask(caller, taskId);
    if (!caller.userId().equals(task.getAssignee())) {
      throw Refusal.forbidden("U kunt alleen een taak teruggeven die u zelf hebt geclaimd.");
    }
  }

  /** Completing a task: a task of the caller's, and exactly the fields its form offers. */
  void taskForm(RestCaller caller, String taskId, byte[] body) {
    JsonNode request = JsonBodies.parse(body);
    onlyFields(request, TASK_FORM_FIELDS);
    String assignee = ownTask(caller, taskId).getAssignee();
    if (assignee != null && !assignee.equals(caller.userId())) {
      throw Refusal.forbidden("Deze taak is geclaimd door iemand anders; alleen die kan haar afronden.");
    }
    refuseAny(forms.forTask(taskId, request.get("variables")));
  }

  /**
   * Starting a process from its start form: exactly its fields, nothing that steers the start.
   * Answers the id of the definition checked, which is the one to start: a start by key goes on as a
   * start of that id, so the engine starts exactly the version whose form was checked.
   */
  String startForm(RestCaller caller, String id, String key, byte[] body) {
    JsonNode request = JsonBodies.parse(body);
    onlyFields(request, START_FORM_FIELDS);
    JsonNode businessKey = request.path("businessKey");
    if (!(businessKey.isMissingNode() || businessKey.isNull() || businessKey.asText().isEmpty())) {
      throw Refusal.badRequest("businessKey: het casusnummer geeft de keten zelf.");
    }
    // Found as the engine, then the caller's right to read it: the same answer as the caller's own
    // query, and a standing right the engine answers from memory (security.StandingRights).
    StartableDefinitions.Definition definition = id != null ? definitions.byId(id) : definitions.latest(key);
    if (definition == null || !engine.getAuthorizationService().isUserAuthorized(caller.userId(), caller.groups(),
        Permissions.READ, Resources.PROCESS_DEFINITION, definition.key())) {
      throw Refusal.notFound("Dit proces bestaat niet, of u mag het niet starten.");
    }
    if (!forms.hasStartForm(definition.id())) {
      throw Refusal.forbidden("Dit proces start alleen vanuit de keten, niet met een formulier.");
    }
    refuseAny(forms.forStart(definition.id(), request.get("variables")));
    return definition.id();
  }

  /** An operation on one's own user (the password): only one's own. */
  void ownUser(RestCaller caller, String userId) {
    if (!caller.userId().equals(userId)) {
      throw Refusal.forbidden("U kunt alleen uw eigen gegevens wijzigen.");
    }
  }

  private void onlyFields(JsonNode request, Set<String> allowed) {
    for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw Refusal.badRequest(name + ": dit kan niet bij het invullen van een formulier; alleen "
            + String.join(" en ", allowed.stream().sorted().toList()) + ".");
      }
    }
    if (request.path("withVariablesInReturn").asBoolean(false)) {
      throw Refusal.badRequest("withVariablesInReturn: wat een taak mag lezen, leest u via haar formulier.");
    }
  }

  private static void refuseAny(List<FormRules.Violation> violations) {
    if (!violations.isEmpty()) {
      throw Refusal.fields(violations);
    }
  }

  /** The work with the caller's Camunda authorizations (the engine's filters are not yet run). */
  <T> T asCaller(RestCaller caller, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), caller.groups());
    try {
      return work.get();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }
}
