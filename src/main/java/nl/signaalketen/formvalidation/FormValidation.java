package nl.signaalketen.formvalidation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms validate only in the browser; this checks the same rules when a task completes or
 * a process starts from its start form, so a REST client cannot store what the form would refuse.
 * Forms are read from the classpath (forms/&lt;id&gt;.form): the deployed copy of the running build.
 */
@Component("formValidation")
public class FormValidation implements TaskListener {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

  /** On complete of a user task with a form. */
  @Override
  public void notify(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    validate(element.getCamundaFormRef(), task.getVariables());
  }

  /** On start of a start event with a form (added as execution listener). */
  public ExecutionListener startFormListener() {
    return (DelegateExecution execution) -> {
      if (execution.getBpmnModelElementInstance() instanceof StartEvent start) {
        validate(start.getCamundaFormRef(), execution.getVariables());
      }
    };
  }

  void validate(String formId, Map<String, Object> values) {
    if (formId == null || formId.contains("{")) {
      return;
    }
    List<FormRules.Violation> problems = FormRules.violations(form(formId), values);
    if (!problems.isEmpty()) {
      throw new FormRuleViolation(problems.stream().map(FormRules.Violation::field).toList(),
          String.join(" ", problems.stream().map(FormRules.Violation::message).toList()));
    }
  }

  private JsonNode form(String formId) {
    return forms.computeIfAbsent(formId, id -> {
      try (InputStream in = new ClassPathResource("forms/" + id + ".form").getInputStream()) {
        return json.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Form " + id + " is not in forms/", e);
      }
    });
  }
}
