package nl.signaalketen.security;

import java.util.Collection;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Camunda answers a query filtered by variable values for users who may not read any variable,
 * so a count becomes an oracle ("is this BSN in the chain?", a name letter by letter). A query a
 * signed-in client asks (the outermost command of a REST or webapp call) may therefore not filter
 * on variable values — except a task query: it only ever matches the caller's own tasks, whose
 * variables the caller reads through the task's form anyway. The chain's own code asks such
 * queries inside its commands or without a signed-in user, and is not affected.
 */
public class VariableFilterRefusal extends CommandInterceptor {

  public static final String MESSAGE = "Zoeken of tellen op de waarde van een variabele kan niet:"
      + " zo'n zoekvraag zou iets zeggen over gegevens die u niet mag lezen.";

  private final ProcessEngineConfigurationImpl configuration;

  public VariableFilterRefusal(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && configuration.getIdentityService().getCurrentAuthentication() != null
        && filtersByValue(command)) {
      throw new BadUserRequestException(MESSAGE);
    }
    return next.execute(command);
  }

  static boolean filtersByValue(Object query) {
    if (query instanceof TaskQueryImpl) {
      return false;
    }
    if (query instanceof HistoricTaskInstanceQueryImpl tasks) {
      return !tasks.getVariables().isEmpty() || any(tasks.getQueries(), tasks);
    }
    if (query instanceof HistoricVariableInstanceQueryImpl variables) {
      return variables.getQueryVariableValue() != null;
    }
    if (query instanceof ProcessInstanceQueryImpl instances && any(instances.getQueries(), instances)) {
      return true;
    }
    if (query instanceof HistoricProcessInstanceQueryImpl history && any(history.getQueries(), history)) {
      return true;
    }
    return query instanceof AbstractVariableQueryImpl<?, ?> filtered && !filtered.getQueryVariableValues().isEmpty();
  }

  /** The "or" branches of a query (the first entry is the query itself). */
  private static boolean any(Collection<?> branches, Object self) {
    return branches != null && branches.stream().filter(q -> q != self).anyMatch(VariableFilterRefusal::filtersByValue);
  }
}
