package nl.signaalketen.formvalidation;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import nl.signaalketen.outage.DatabaseOutage;
import nl.signaalketen.outage.OutageMappers;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps whatever a listener throws (ENGINE-03051), and Camunda's REST resources turn a
 * failed start or completion into a 500 RestException, so a refused form would reach a REST client
 * as a server error. These mappers find a BadUserRequestException or a FormRuleViolation among the
 * causes and answer 400 with Camunda's message, which names the field (for the webapps' own API,
 * see RefusalUnwrapping). Anything else is answered exactly as Camunda would.
 */
@Configuration
public class RestErrorMapping {

  @Bean
  ResourceConfigCustomizer badRequestsStayBadRequests() {
    return config -> {
      config.register(EngineExceptions.class, Priorities.USER - 100);
      config.register(RestExceptions.class, Priorities.USER - 100);
    };
  }

  static Response answer(Throwable exception, String message) {
    if (DatabaseOutage.causedBy(exception)) {
      return OutageMappers.answer(exception);
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof FormRuleViolation) {
        ProcessEngineException badRequest = (ProcessEngineException) cause;
        return ExceptionHandlerHelper.getInstance()
            .getResponse(new RestException(Response.Status.BAD_REQUEST, badRequest, message));
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  @Priority(Priorities.USER - 100)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, exception.getMessage());
    }
  }

  @Priority(Priorities.USER - 100)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, exception.getMessage());
    }
  }
}
