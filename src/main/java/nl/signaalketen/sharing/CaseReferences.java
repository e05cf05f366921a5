package nl.signaalketen.sharing;

import java.util.Optional;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.engine.EngineReads;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The case reference (casusId, the business key every phase carries) that a share or a task
 * belongs to. Lookups run without the caller's authorizations: they only name the case, and the
 * caller may lack read rights on the other process instances of that case.
 */
@Component
public class CaseReferences {

  /** Set by the informatie-delen step that starts the chain: the id of the started case. */
  static final String REPORTED_CASE = "meldingCasus";

  private final ProcessEngine engine;
  private final EngineReads reads;

  public CaseReferences(ProcessEngine engine, EngineReads reads) {
    this.engine = engine;
    this.reads = reads;
  }

  /**
   * The case a melding from informatie-delen became: the chain it started, or the running case of
   * the same person that signal joined. Asked once the step's work is flushed (see SharingRecorder).
   */
  String reportedCase(String informatieDelenInstanceId) {
    return reads.unrestricted(() -> {
      String started = reads.historicValue(informatieDelenInstanceId, REPORTED_CASE);
      if (started == null) {
        HistoricProcessInstance own = historicInstance(informatieDelenInstanceId);
        return own != null && own.getBusinessKey() != null ? own.getBusinessKey() : informatieDelenInstanceId;
      }
      String joined = reads.historicValue(started, CaseKeys.RUNNING_CASE);
      String target = joined != null ? joined : started;
      HistoricProcessInstance chain = historicInstance(target);
      return chain != null && chain.getBusinessKey() != null ? chain.getBusinessKey() : target;
    });
  }

  /**
   * The case of an open task, or null. One query by the task's id, joined to its process instance
   * for the business key (a Task does not carry it): Tasklist reads form variables often.
   */
  public String caseOfTask(String taskId) {
    return reads.unrestricted(() -> {
      var management = engine.getManagementService();
      ProcessInstance instance = engine.getRuntimeService().createNativeProcessInstanceQuery()
          .sql("select E.* from " + management.getTableName(ExecutionEntity.class) + " E join "
              + management.getTableName(TaskEntity.class) + " T on T.PROC_INST_ID_ = E.ID_ where T.ID_ = #{taskId}")
          .parameter("taskId", taskId).singleResult();
      return instance == null ? null : instance.getBusinessKey();
    });
  }

  /**
   * The case of a process instance or an execution (running or ended), or null. The history holds
   * every instance (history level full); an execution id is first turned into its instance.
   */
  public String caseOfExecution(String executionOrInstanceId) {
    return reads.unrestricted(() -> {
      HistoricProcessInstance instance = historicInstance(executionOrInstanceId);
      if (instance == null) {
        var execution = engine.getRuntimeService().createExecutionQuery().executionId(executionOrInstanceId)
            .singleResult();
        instance = execution == null ? null : historicInstance(execution.getProcessInstanceId());
      }
      return instance == null ? null : instance.getBusinessKey();
    });
  }

  /** The process instance of a variable instance, historic variable instance or history detail, or null. */
  String instanceOfVariable(String kind, String id) {
    return reads.unrestricted(() -> switch (kind) {
      case "variable-instance" -> Optional.ofNullable(engine.getRuntimeService().createVariableInstanceQuery()
          .variableId(id).disableBinaryFetching().singleResult()).map(v -> v.getProcessInstanceId()).orElse(null);
      case "history/variable-instance" -> Optional.ofNullable(engine.getHistoryService()
          .createHistoricVariableInstanceQuery().variableId(id).disableBinaryFetching().singleResult())
          .map(v -> v.getProcessInstanceId()).orElse(null);
      default -> engine.getHistoryService().createHistoricDetailQuery().detailId(id).disableBinaryFetching().list()
          .stream().map(d -> d.getProcessInstanceId()).findFirst().orElse(null);
    });
  }

  private HistoricProcessInstance historicInstance(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }
}
