package nl.signaalketen.engine;

import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Reads of the engine that more than one part of the chain makes: work run without the caller's
 * Camunda authorizations, for lookups whose own rule was checked before (which case a task or
 * share belongs to, the privacy officer's inzage), and the value history keeps of a variable.
 */
@Component
public class EngineReads {

  private final CommandExecutor commands;
  private final HistoryService history;

  public EngineReads(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.history = engine.getHistoryService();
  }

  /**
   * The work's answer, with the engine's authorization checks off for every engine call it makes.
   * Inside a command (a listener, a delegate) this joins that command and turns the checks back on
   * afterwards; outside one it opens a command, in the current transaction or a new one.
   */
  public <T> T unrestricted(Supplier<T> work) {
    return commands.execute(context -> context.runWithoutAuthorization(work::get));
  }

  /** The first value history holds of the instance's variable, as text; null when it has none. */
  public String historicValue(String processInstanceId, String variableName) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(variableName).list().stream().map(HistoricVariableInstance::getValue)
        .filter(Objects::nonNull).map(Object::toString).findFirst().orElse(null);
  }
}
