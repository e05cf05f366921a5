package nl.signaalketen.assignment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * A user task declares the network role that performs it as the extension property
 * {@value #ROLE_PROPERTY} (set in Desktop Modeler through the element template).
 */
@Component
public class TaskRoles {

  public static final String ROLE_PROPERTY = "role";

  private final RepositoryService repository;
  private final TaskService tasks;
  /** Deployed definitions never change, so a task's role can be remembered per definition. */
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  public TaskRoles(RepositoryService repository, TaskService tasks) {
    this.repository = repository;
    this.tasks = tasks;
  }

  /**
   * The role an open task is for; a "${variable}" role is read from the task's variables, and is
   * empty while that variable is not set (no role is known, so no holder matches).
   */
  public Optional<String> roleOf(Task task) {
    Optional<String> declared = roleOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    Optional<String> variable = declared.flatMap(TaskRoles::variableName);
    if (variable.isEmpty()) {
      return declared;
    }
    return Optional.ofNullable(tasks.getVariable(task.getId(), variable.get())).map(Object::toString);
  }

  /** For a role declared as "${partnerRol}" (e.g. one instance per partner): "partnerRol". */
  public static Optional<String> variableName(String declaredRole) {
    return declaredRole.startsWith("${") && declaredRole.endsWith("}")
        ? Optional.of(declaredRole.substring(2, declaredRole.length() - 1).trim())
        : Optional.empty();
  }

  public static Optional<String> roleOf(BaseElement element) {
    return property(element, ROLE_PROPERTY);
  }

  /** A camunda:property of an element, trimmed; empty when absent or blank. */
  public static Optional<String> property(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .filter(v -> v != null && !v.isBlank())
        .map(String::trim)
        .findFirst();
  }

  /** The role of an open task, looked up in its deployed process definition. */
  public Optional<String> roleOf(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
      BaseElement element = repository.getBpmnModelInstance(processDefinitionId)
          .getModelElementById(taskDefinitionKey);
      return element == null ? Optional.empty() : roleOf(element);
    });
  }
}
