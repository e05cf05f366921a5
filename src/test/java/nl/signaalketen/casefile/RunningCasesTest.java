package nl.signaalketen.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new signal finds the running case of the same person in the same gemeente through the index
 * sk_running_case: the row comes with the registration, goes when the case ends however it ends,
 * only an active instance is joined, and the start-up backfill indexes cases that ran before the
 * index existed.
 */
@IntegrationTest
class RunningCasesTest {

  @Autowired ProcessEngine engine;
  @Autowired RunningCaseIndex index;
  @Autowired RunningCaseBackfill backfill;
  @Autowired JdbcClient jdbc;

  private RuntimeService runtime;
  private TaskService tasks;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
  }

  private static Map<String, Object> signalAbout(String bsn, String gemeente) {
    Map<String, Object> variables = new HashMap<>(Cases.signal(gemeente));
    variables.put("bsn", bsn);
    return variables;
  }

  private static String someBsn() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
  }

  private ProcessInstance start(String bsn, String gemeente) {
    return runtime.startProcessInstanceByKey(CaseKeys.CHAIN_PROCESS, signalAbout(bsn, gemeente));
  }

  private boolean indexed(ProcessInstance instance) {
    return !index.indexed(List.of(instance.getId())).isEmpty();
  }

  @Test
  void aSecondSignalAboutThePersonInTheSameGemeenteJoinsTheRunningCase() {
    String bsn = someBsn();
    ProcessInstance running = start(bsn, "gemeente-leiden");
    assertThat(indexed(running)).isTrue();

    ProcessInstance second = start(bsn, "gemeente-leiden");

    assertThat(second).hasPassed("signaal-toevoegen").isEnded();
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(second.getId()).variableName(CaseKeys.RUNNING_CASE).singleResult().getValue())
        .isEqualTo(running.getId());
    assertThat(indexed(second)).as("the joining signal's own row went with its end").isFalse();
    assertThat(tasks.createTaskQuery().processInstanceId(running.getId())
        .taskDefinitionKey("nieuw-signaal-beoordelen").count()).isEqualTo(1);
  }

  @Test
  void aSignalAboutThePersonInAnotherGemeenteOpensANewCase() {
    String bsn = someBsn();
    start(bsn, "gemeente-leiden");

    ProcessInstance elsewhere = start(bsn, "gemeente-alphen");

    assertThat(elsewhere).hasNotPassed("signaal-toevoegen").isWaitingAt("melding");
    assertThat(runtime.getVariable(elsewhere.getId(), CaseKeys.RUNNING_CASE)).isNull();
  }

  @Test
  void afterTheCaseEndsANewSignalAboutThePersonOpensANewCase() {
    String bsn = someBsn();
    ProcessInstance first = start(bsn, "gemeente-leiden");
    String casusId = (String) runtime.getVariable(first.getId(), CaseKeys.CASE_ID);
    var duiden = tasks.createTaskQuery().processInstanceBusinessKey(casusId).singleResult();
    tasks.complete(duiden.getId(), Cases.duiding(true, false, false)); // no concern: the case closes
    assertThat(first).isEnded();
    assertThat(indexed(first)).isFalse();

    ProcessInstance later = start(bsn, "gemeente-leiden");

    assertThat(later).hasNotPassed("signaal-toevoegen").isWaitingAt("melding");
  }

  @Test
  void aCaseDeletedWithoutItsListenersLeavesNoRowAndIsNotJoined() {
    String bsn = someBsn();
    ProcessInstance deleted = start(bsn, "gemeente-leiden");

    runtime.deleteProcessInstance(deleted.getId(), "test", true);

    assertThat(indexed(deleted)).isFalse();
    assertThat(start(bsn, "gemeente-leiden")).hasNotPassed("signaal-toevoegen").isWaitingAt("melding");
  }

  @Test
  void aSuspendedCaseIsNotJoinedButKeepsItsRow() {
    String bsn = someBsn();
    ProcessInstance suspended = start(bsn, "gemeente-leiden");
    runtime.suspendProcessInstanceById(suspended.getId());
    try {
      ProcessInstance other = start(bsn, "gemeente-leiden");

      assertThat(other).hasNotPassed("signaal-toevoegen").isWaitingAt("melding");
      assertThat(indexed(suspended)).isTrue();
    } finally {
      runtime.activateProcessInstanceById(suspended.getId());
    }
  }

  @Test
  void theBackfillMakesACaseThatRanBeforeTheIndexExistedFindable() {
    String bsn = someBsn();
    ProcessInstance before = start(bsn, "gemeente-leiden");
    String casusId = (String) runtime.getVariable(before.getId(), CaseKeys.CASE_ID);
    index.remove(before.getId()); // as registered by a version without the index

    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
    assertThat(backfill.backfill()).as("a second pass adds nothing").isZero();

    assertThat(jdbc.sql("select casus_id, gemeente from sk_running_case where case_instance_id = ?")
        .param(before.getId()).query().singleRow())
        .containsValues(casusId, "gemeente-leiden");
    ProcessInstance second = start(bsn, "gemeente-leiden");
    assertThat(second).hasPassed("signaal-toevoegen").isEnded();
  }

  @Test
  void theBackfillRunsOncePerInstallationNotAtEveryStart() {
    ProcessInstance unindexed = start(someBsn(), "gemeente-leiden");
    index.remove(unindexed.getId());

    backfill.indexRunningCases(); // as at the next start of a node

    assertThat(indexed(unindexed)).as("the start-up after the first one pages through nothing").isFalse();
    assertThat(jdbc.sql("select count(*) from sk_startup_step where step = 'running-case-backfill'")
        .query(Long.class).single()).isEqualTo(1L);
  }
}
