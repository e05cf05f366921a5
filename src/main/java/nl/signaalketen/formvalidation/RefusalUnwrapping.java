package nl.signaalketen.formvalidation;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task or execution listener throws (ENGINE-03051), and Camunda's REST
 * resources answer a wrapped exception with 500: also the ones under /camunda/api/engine that
 * Tasklist calls, where our JAX-RS mappers are not registered. Placed before the transaction
 * interceptor (the work is already rolled back), this hands a {@link FormRuleViolation} on as
 * itself, so submit-form and complete answer 400 naming the field, and a Java caller gets the
 * refusal rather than the engine's wrapper.
 */
public class RefusalUnwrapping extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException thrown) {
      FormRuleViolation refusal = FormRuleViolation.among(thrown);
      throw refusal != null ? refusal : thrown;
    }
  }
}
