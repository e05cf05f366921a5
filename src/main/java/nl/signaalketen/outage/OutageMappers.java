package nl.signaalketen.outage;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Camunda's REST resources answer a failed database call with a 500 (its ExceptionHandler maps
 * every Throwable); these answer an outage with the 503 and anything else exactly as Camunda does.
 */
public final class OutageMappers {

  private OutageMappers() {}

  public static Response answer(Throwable failure) {
    if (DatabaseOutage.causedBy(failure)) {
      return Response.status(DatabaseOutage.STATUS)
          .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
          .type(MediaType.APPLICATION_JSON_TYPE).entity(DatabaseOutage.BODY).build();
    }
    return ExceptionHandlerHelper.getInstance().getResponse(failure);
  }

  /** Spring's transaction and data-access failures, and anything else that is not the engine's. */
  @Priority(Priorities.USER - 100)
  public static class AnyFailure implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException failure) {
      return answer(failure);
    }
  }

  /** The engine's own wrapping (for APIs without RestErrorMapping's mapper, the webapps'). */
  @Priority(Priorities.USER - 100)
  public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException failure) {
      return answer(failure);
    }
  }
}
