package nl.signaalketen.process;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static nl.signaalketen.testsupport.Cases.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;

import nl.signaalketen.assignment.UnownedTaskIncidents;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/signaalketen.bpmn, with the demo network deciding who gets each task. */
@IntegrationTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SignaalketenProcessTest {

  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  private ProcessInstance startFor(String gemeente) {
    return engine.getRuntimeService().startProcessInstanceByKey("signaalketen", signal(gemeente));
  }

  @Test
  void offersMeldingDuidenToTheAdviseurRadicaliseringOfTheCasesGemeente() {
    ProcessInstance instance = startFor("gemeente-leiden");

    assertThat(instance).isWaitingAt("melding-duiden");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId()))
        .containsExactly("adviseur-leiden");
  }

  @Test
  void closesTheCaseWhenTheDuidingFindsNoConcern() {
    ProcessInstance instance = startFor("gemeente-alphen");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId()))
        .containsExactly("adviseur-alphen");

    complete(task(instance), withVariables("duiding", "geenZorg",
        "toelichtingDuiding", "Ruzie op school, geen ideologische component."));

    assertThat(instance).hasPassed("afgesloten-geen-zorg").isEnded();
  }

  @Test
  void handsPossibleRadicalisationToTheProcesregisseurOfTheRegionAndTheDeputy() {
    ProcessInstance instance = startFor("gemeente-leiderdorp");

    complete(task(instance), withVariables("duiding", "mogelijkeRadicalisering",
        "toelichtingDuiding", "Herhaalde uitingen, contact met bekende ronselaar."));

    assertThat(instance).isWaitingAt("casus-oppakken-zvh");
    // The ZVH assignment covers every gemeente of its region and names a deputy.
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId()))
        .containsExactly("procesregisseur-hm", "voorzitter-hm");

    complete(task(instance), withVariables("notitieZvh", "Naar de weegploeg van maandag."));
    assertThat(instance).hasPassed("overgedragen-aan-zvh").isEnded();
  }

  @Test
  void raisesAnIncidentNamingRoleAndGemeenteWhenNobodyHoldsTheRole() {
    ProcessInstance instance = Cases.startAtDuiding(engine.getRuntimeService(),
        "gemeente-zonder-adviseur");

    assertThat(instance).isWaitingAt("melding-duiden");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId())).isEmpty();
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentType()).isEqualTo(UnownedTaskIncidents.INCIDENT_TYPE);
      assertThat(incident.getIncidentMessage())
          .contains("Adviseur radicalisering").contains("gemeente-zonder-adviseur")
          .contains("Melding duiden");
    });
  }
}
