package nl.signaalketen.casefile;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * sk_running_case: the running cases of the chain by person key and gemeente, so that a new signal
 * finds the case of the same person in one indexed lookup rather than a query over the variables
 * of every active case. {@link CaseRegistration} writes the row; as the built-in end listener of
 * every {@value CaseKeys#CHAIN_PROCESS} instance (attached by the engine plugin, not in the BPMN)
 * this removes it when the instance ends, is cancelled or deleted, wherever process owners put the
 * steps. A row names a candidate only: whether its instance still runs, and is not suspended, the
 * engine says. Writes join the step's transaction.
 */
@Component
public class RunningCaseIndex implements ExecutionListener {

  private final JdbcClient jdbc;
  private final Clock clock;

  public RunningCaseIndex(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The end of a chain instance, however it ends: its row goes. */
  @Override
  public void notify(DelegateExecution execution) {
    remove(execution.getProcessInstanceId());
  }

  /** The case's row, replacing one it had; no row when the signal names nobody. */
  void put(String instanceId, String casusId, String personKey, String gemeente) {
    if (!startedInThisCommand(instanceId)) {
      remove(instanceId);
    }
    if (personKey != null && gemeente != null) {
      insert(instanceId, casusId, personKey, gemeente);
    }
  }

  /**
   * Adds the row unless the instance has one; false when it had. Outside a transaction only: on
   * PostgreSQL a refused insert spoils the transaction it is part of.
   */
  boolean addIfAbsent(String instanceId, String casusId, String personKey, String gemeente) {
    try {
      insert(instanceId, casusId, personKey, gemeente);
      return true;
    } catch (DuplicateKeyException e) {
      return false; // e.g. another node indexed it at the same moment
    }
  }

  /** An instance the current command started has no row yet: its id is new (saves a delete per signal). */
  private static boolean startedInThisCommand(String instanceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return false;
    }
    DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
    ExecutionEntity instance = cache.get(ExecutionEntity.class, instanceId);
    return instance != null && cache.isTransient(instance);
  }

  void remove(String instanceId) {
    jdbc.sql("delete from sk_running_case where case_instance_id = ?").param(instanceId).update();
  }

  /** The other instances registered for this person in this gemeente, oldest first. */
  List<String> candidates(String personKey, String gemeente, String excludedInstanceId) {
    return jdbc.sql("select case_instance_id from sk_running_case where person_key = ? and gemeente = ?"
            + " and case_instance_id <> ? order by created_at, case_instance_id")
        .params(personKey, gemeente, excludedInstanceId).query(String.class).list();
  }

  /** Which of these instances have a row. */
  Set<String> indexed(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("select case_instance_id from sk_running_case"
            + " where case_instance_id in (:ids)")
        .param("ids", instanceIds).query(String.class).list());
  }

  private void insert(String instanceId, String casusId, String personKey, String gemeente) {
    jdbc.sql("insert into sk_running_case (case_instance_id, casus_id, person_key, gemeente, created_at)"
            + " values (?, ?, ?, ?, ?)")
        .params(instanceId, casusId, personKey, gemeente, LocalDateTime.now(clock)).update();
  }
}
