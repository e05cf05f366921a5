package nl.signaalketen.formvalidation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.signaalketen.engine.EngineReads;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Checks what a client submits to complete a task or start a process against the form deployed
 * with it ({@link FormContract}), before the engine is asked; the form is the one
 * {@link FormValidation} checks on complete. Reads the form and the task's current values as the
 * engine, not as the caller: the caller's right to the task is checked before, and nothing read
 * here is handed to the caller.
 */
@Component
public class FormWrites {

  /** A task or start event without a form: it declares no field, so nothing may be submitted. */
  private static final JsonNode EMPTY_FORM = new ObjectMapper().createObjectNode().set("components",
      new ObjectMapper().createArrayNode());

  private final ProcessEngine engine;
  private final EngineReads reads;
  private final FormValidation validation;
  private final Map<String, Optional<JsonNode>> startForms = new ConcurrentHashMap<>();

  public FormWrites(ProcessEngine engine, EngineReads reads, FormValidation validation) {
    this.engine = engine;
    this.reads = reads;
    this.validation = validation;
  }

  /** The violations of a completion of this (existing) task with these submitted variables. */
  public List<FormRules.Violation> forTask(String taskId, JsonNode submitted) {
    return reads.unrestricted(() -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return List.of();
      }
      JsonNode form = form(task.getProcessDefinitionId(), task.getCamundaFormRef());
      return FormContract.violations(form, engine.getTaskService().getVariables(taskId), submitted);
    });
  }

  /** Whether the process definition has a start form (else only the chain starts it). */
  public boolean hasStartForm(String processDefinitionId) {
    return startForm(processDefinitionId).isPresent();
  }

  /** The violations of a start of this process definition from its start form. */
  public List<FormRules.Violation> forStart(String processDefinitionId, JsonNode submitted) {
    return FormContract.violations(startForm(processDefinitionId).orElse(EMPTY_FORM), Map.of(), submitted);
  }

  /** The start form deployed with the definition, or none; read once per definition, which never changes. */
  private Optional<JsonNode> startForm(String processDefinitionId) {
    Optional<JsonNode> form = startForms.get(processDefinitionId);
    if (form == null) {
      form = reads.unrestricted(() -> {
        CamundaFormRef ref = startFormRef(processDefinitionId);
        return ref == null ? Optional.<JsonNode>empty() : Optional.of(form(processDefinitionId, ref));
      });
      startForms.put(processDefinitionId, form);
    }
    return form;
  }

  private CamundaFormRef startFormRef(String processDefinitionId) {
    return engine.getFormService().getStartFormData(processDefinitionId).getCamundaFormRef();
  }

  private JsonNode form(String processDefinitionId, CamundaFormRef ref) {
    return ref == null || ref.getKey() == null ? EMPTY_FORM : validation.form(processDefinitionId, ref.getKey());
  }
}
