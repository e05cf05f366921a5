package nl.signaalketen.formvalidation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task or execution listener throws (ENGINE-03051), and Camunda's REST
 * resources answer a wrapped exception with 500: also the ones under /camunda/api/engine that
 * Tasklist calls, where our JAX-RS mappers are not registered. Placed before the transaction
 * interceptor (the work is already rolled back), this hands a {@link FormRuleViolation} on as
 * itself, so submit-form and complete answer 400 naming the field, and a Java caller gets the
 * refusal rather than the engine's wrapper. A BadUserRequestException a listener throws (a rule
 * of the chain, such as who may be assigned a task) is handed on the same way.
 */
public class RefusalUnwrapping extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException thrown) {
      FormRuleViolation refusal = FormRuleViolation.among(thrown);
      if (refusal != null) {
        throw refusal;
      }
      for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException badRequest) {
          throw badRequest;
        }
      }
      throw thrown;
    }
  }
}
