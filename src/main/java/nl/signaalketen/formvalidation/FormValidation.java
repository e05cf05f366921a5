package nl.signaalketen.formvalidation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms validate only in the browser; this checks the same rules when a task completes or
 * a process starts from its start form, so a REST client cannot store what the form would refuse.
 * The rules are those of the form deployed with the process (formRefBinding="deployment"), so an
 * instance started before a redeployment is held to the form its users see, not a newer one.
 */
@Component("formValidation")
public class FormValidation implements TaskListener {

  private final ObjectMapper json = new ObjectMapper();
  /** Parsed forms by deployment and form id: a deployed resource never changes. */
  private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

  /** On complete of a user task with a form. */
  @Override
  public void notify(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    validate(task.getProcessDefinitionId(), element.getCamundaFormRef(), task.getVariables());
  }

  /** On start of a start event with a form (added as execution listener). */
  public ExecutionListener startFormListener() {
    return (DelegateExecution execution) -> {
      if (execution.getBpmnModelElementInstance() instanceof StartEvent start) {
        validate(execution.getProcessDefinitionId(), start.getCamundaFormRef(), execution.getVariables());
      }
    };
  }

  private void validate(String processDefinitionId, String formId, Map<String, Object> values) {
    if (formId == null || formId.contains("{")) {
      return;
    }
    List<FormRules.Violation> problems = FormRules.violations(form(processDefinitionId, formId), values);
    if (!problems.isEmpty()) {
      throw new FormRuleViolation(problems.stream().map(FormRules.Violation::field).toList(),
          String.join(" ", problems.stream().map(FormRules.Violation::message).toList()));
    }
  }

  /**
   * The form deployed with the process definition, parsed once per deployment. Runs inside the
   * engine's command: read through its caches and managers, without authorization.
   */
  JsonNode form(String processDefinitionId, String formId) {
    String deploymentId = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId();
    return forms.computeIfAbsent(deploymentId + "/" + formId, key -> {
      CommandContext command = Context.getCommandContext();
      CamundaFormDefinitionEntity definition =
          command.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(deploymentId, formId);
      if (definition == null) {
        throw new ProcessEngineException("Form '" + formId + "' is not in deployment " + deploymentId
            + "; every formRef in processes/ needs its file in forms/.");
      }
      byte[] bytes = command.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(deploymentId, definition.getResourceName()).getBytes();
      try {
        return json.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("Form " + definition.getResourceName() + " is not valid JSON", e);
      }
    });
  }
}
