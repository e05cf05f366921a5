package nl.signaalketen.retention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.engine.EngineReads;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * A case in the engine's history. A case is every process instance with the case's business key
 * (the casusId that the main process {@value CaseKeys#CHAIN_PROCESS} and its call-activity phases share)
 * plus the main instance's own hierarchy; an informatie-delen instance belongs to the partner and
 * is never part of it. Public history API only.
 */
@Component
public class CaseHistory {

  /** Reaching this phase makes a case a PGA case. */
  static final String CASE_MEETING_PROCESS = "casusoverleg";

  private final HistoryService history;
  private final EngineReads reads;

  public CaseHistory(HistoryService history, EngineReads reads) {
    this.history = history;
    this.reads = reads;
  }

  /** Closed main instances, a page at a time, oldest closure first. */
  List<HistoricProcessInstance> closedMainInstances(int first, int max) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseKeys.CHAIN_PROCESS)
        .rootProcessInstances().finished().orderByProcessInstanceEndTime().asc()
        .orderByProcessInstanceId().asc().listPage(first, max);
  }

  /** The casusId: the business key, else the variable (an instance started past registration). */
  public String caseRef(HistoricProcessInstance main) {
    if (main.getBusinessKey() != null) {
      return main.getBusinessKey();
    }
    String casusId = reads.historicValue(main.getId(), CaseKeys.CASE_ID);
    return casusId == null ? main.getId() : casusId;
  }

  public List<HistoricProcessInstance> instances(String caseRef, String mainInstanceId) {
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().rootProcessInstanceId(mainInstanceId)
        .orderByProcessInstanceStartTime().asc().list().forEach(p -> byId.put(p.getId(), p));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .orderByProcessInstanceStartTime().asc().list().forEach(p -> byId.putIfAbsent(p.getId(), p));
    return new ArrayList<>(byId.values());
  }

  public RetentionCategory category(String caseRef, String mainInstanceId) {
    return category(instances(caseRef, mainInstanceId));
  }

  public static RetentionCategory category(List<HistoricProcessInstance> caseInstances) {
    boolean meeting = caseInstances.stream()
        .anyMatch(p -> CASE_MEETING_PROCESS.equals(p.getProcessDefinitionKey()));
    return meeting ? RetentionCategory.PGA : RetentionCategory.NIET_OPGEPAKT;
  }

  public List<HistoricVariableInstance> variables(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    return history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new))
        .orderByProcessInstanceId().asc().orderByVariableName().asc().list();
  }

  /**
   * The engine's own cleanup (removal-time based, in its batch window) then removes the history on
   * that day even if our job does not run; hierarchical = the call-activity phases and their
   * decisions too. Asynchronous: a batch the job executor runs.
   */
  void setRemovalTime(Date removalTime, List<String> mainInstanceIds) {
    history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(removalTime)
        .byIds(mainInstanceIds.toArray(String[]::new)).hierarchical().executeAsync();
  }

  /** Removes the history of these instances: decisions, the instances with all they hold, the operation log. */
  int delete(List<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return 0;
    }
    List<String> decisions = new ArrayList<>();
    List<String> operations = new ArrayList<>();
    for (String id : instanceIds) {
      history.createHistoricDecisionInstanceQuery().processInstanceId(id).list().stream()
          .map(HistoricDecisionInstance::getId).forEach(decisions::add);
      history.createUserOperationLogQuery().processInstanceId(id).list().stream()
          .map(UserOperationLogEntry::getId).forEach(operations::add);
    }
    if (!decisions.isEmpty()) {
      history.deleteHistoricDecisionInstancesBulk(decisions);
    }
    history.deleteHistoricProcessInstancesIfExists(instanceIds);
    // The operation log outlives instance deletion by design; for an expired case it must go too.
    operations.stream().distinct().forEach(history::deleteUserOperationLogEntry);
    return instanceIds.size();
  }
}
