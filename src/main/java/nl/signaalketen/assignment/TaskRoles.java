package nl.signaalketen.assignment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
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
  /** Deployed definitions never change, so a task's role can be remembered per definition. */
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  public TaskRoles(RepositoryService repository) {
    this.repository = repository;
  }

  public static Optional<String> roleOf(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> ROLE_PROPERTY.equals(p.getCamundaName()))
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
