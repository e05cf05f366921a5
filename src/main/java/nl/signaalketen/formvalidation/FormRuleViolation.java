package nl.signaalketen.formvalidation;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted form breaks a rule. Thrown inside the engine's transaction, so nothing is stored. A
 * FormFieldValidationException: Camunda's REST resources, also the ones Tasklist calls, answer it
 * with 400 and its message, which names the field ({@link RefusalUnwrapping} hands it to them as
 * itself, not wrapped in the engine's listener exception).
 */
public class FormRuleViolation extends FormFieldValidationException {

  public FormRuleViolation(String field, String message) {
    this(List.of(field), message);
  }

  public FormRuleViolation(List<String> fields, String message) {
    super(List.copyOf(fields), message);
  }

  /** The form fields that broke a rule (the exception's detail). */
  public List<String> fields() {
    return getDetail();
  }

  /** The refusal among the causes of what the engine threw, or null. */
  public static FormRuleViolation among(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormRuleViolation refusal) {
        return refusal;
      }
    }
    return null;
  }
}
