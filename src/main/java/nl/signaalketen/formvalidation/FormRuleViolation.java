package nl.signaalketen.formvalidation;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submitted form breaks a rule. A BadUserRequestException, so Camunda's REST API answers 400 and
 * Tasklist shows the message; thrown inside the engine's transaction, so nothing is stored.
 */
public class FormRuleViolation extends BadUserRequestException {

  private final List<String> fields;

  public FormRuleViolation(String field, String message) {
    this(List.of(field), message);
  }

  public FormRuleViolation(List<String> fields, String message) {
    super(message);
    this.fields = List.copyOf(fields);
  }

  public List<String> fields() {
    return fields;
  }
}
