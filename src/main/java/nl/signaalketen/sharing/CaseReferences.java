package nl.signaalketen.sharing;

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

  private HistoricProcessInstance historicInstance(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }
}
