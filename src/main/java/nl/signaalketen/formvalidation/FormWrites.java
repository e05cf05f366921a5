package nl.signaalketen.formvalidation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.signaalketen.engine.EngineReads;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Checks what a client submits to complete a task or start a process against the form deployed
 * with it ({@link FormContract}), before the engine is asked. Reads the form and the task's
 * current values as the engine, not as the caller: the caller's right to the task is checked
 * before, and nothing read here is handed to the caller.
 */
@Component
public class FormWrites {

  private final ProcessEngine engine;
  private final EngineReads reads;
  private final ObjectMapper json = new ObjectMapper();
  /** Deployed forms never change: by process definition and task definition key ("" = start form). */
  private final Map<String, Optional<JsonNode>> forms = new ConcurrentHashMap<>();

  public FormWrites(ProcessEngine engine, EngineReads reads) {
    this.engine = engine;
    this.reads = reads;
  }

  /** The violations of a completion of this (existing) task with these submitted variables. */
  public List<FormRules.Violation> forTask(String taskId, JsonNode submitted) {
    return reads.unrestricted(() -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return List.of();
      }
      JsonNode form = forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
          k -> engine.getFormService().getTaskFormData(taskId).getCamundaFormRef() == null ? Optional.empty()
              : read(() -> engine.getFormService().getDeployedTaskForm(taskId))).orElse(EMPTY_FORM);
      Map<String, Object> current = engine.getTaskService().getVariables(taskId);
      return FormContract.violations(form, current, submitted);
    });
  }

  /** Whether the process definition has a start form (else only the chain starts it). */
  public boolean hasStartForm(String processDefinitionId) {
    return reads.unrestricted(() -> startForm(processDefinitionId)).isPresent();
  }

  /** The violations of a start of this process definition from its start form. */
  public List<FormRules.Violation> forStart(String processDefinitionId, JsonNode submitted) {
    JsonNode form = reads.unrestricted(() -> startForm(processDefinitionId)).orElse(EMPTY_FORM);
    return FormContract.violations(form, Map.of(), submitted);
  }

  /** A task or start event without a form: it declares no field, so nothing may be submitted. */
  private static final JsonNode EMPTY_FORM = emptyForm();

  private static JsonNode emptyForm() {
    var form = new ObjectMapper().createObjectNode();
    form.putArray("components");
    return form;
  }

  /** Asked of the start event first: asking Camunda for a form it has not fails the whole command. */
  private Optional<JsonNode> startForm(String processDefinitionId) {
    return forms.computeIfAbsent(processDefinitionId + "#",
        k -> engine.getFormService().getStartFormData(processDefinitionId).getCamundaFormRef() == null
            ? Optional.empty() : read(() -> engine.getFormService().getDeployedStartForm(processDefinitionId)));
  }

  /** The deployed form, or empty when the task or start event has none (then nothing may be submitted). */
  private Optional<JsonNode> read(java.util.function.Supplier<InputStream> deployed) {
    InputStream stream;
    try {
      stream = deployed.get();
    } catch (RuntimeException noForm) {
      return Optional.empty();
    }
    try (InputStream in = stream) {
      return Optional.of(json.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("A deployed form is not valid JSON", e);
    }
  }
}
