package nl.signaalketen.process;

import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.testsupport.DueDates;
import nl.signaalketen.testsupport.DueDates.Step;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/nazorg.bpmn (phase 5): the monitoring timer, the three outcomes of a
 * check-in and the two of the joint closure decision, with what goes back to the chain
 * (nazorgUitkomst, afsluitdatum).
 */
@IntegrationTest
class NazorgProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DueDates dueDates;

  /** Instances this test started; removed afterwards so no open task outlives the test. */
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void removeWhatThisTestStarted() {
    started.forEach(id -> engine.getRuntimeService()
        .deleteProcessInstanceIfExists(id, "Test afgerond", true, true, true, false));
  }

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void waitsOneMonitoringPeriodBeforeOfferingTheCheckInToTheCasusregisseurOfTheRegion() {
    Step<ProcessInstance> nazorg = dueDates.step(() -> start());
    ProcessInstance instance = nazorg.result();

    assertThat(instance).isWaitingAt("tijd-voor-checkin");
    Job timer = timer(instance);
    DueDates.assertDue(timer.getDuedate(), "monitoring-checkin: 6 weeks", from -> from.plusWeeks(6), nazorg);

    Step<Void> checkInDue = dueDates.step(() -> execute(timer));

    assertThat(instance).isWaitingAt("checkin-monitoring");
    Task checkIn = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), checkIn.getId())).containsExactly("casusregisseur-hm");
    dueDates.assertDue(checkIn.getDueDate(), "monitoring-checkin", checkInDue);
  }

  @Test
  void startsANewMonitoringPeriodWithAFreshCheckInWhenAllIsQuiet() {
    ProcessInstance instance = start();
    execute(timer(instance));

    complete(task(instance), withVariables("uitkomstCheckin", "rustig",
        "checkinVerslag", "School en jongerenwerk zien geen nieuwe signalen."));

    assertThat(instance).isWaitingAt("tijd-voor-checkin");
    execute(timer(instance));
    assertThat(instance).isWaitingAt("checkin-monitoring");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("last round's answers are in the history, not in the new form")
        .doesNotContainKeys("uitkomstCheckin", "checkinVerslag");
  }

  @Test
  void endsWithHeropenenWhenACheckInBringsANewSignal() {
    ProcessInstance instance = start();
    execute(timer(instance));

    complete(task(instance), withVariables("uitkomstCheckin", "nieuwSignaal",
        "checkinVerslag", "Wijkagent meldt contact met een bekende ronselaar.",
        "nieuwSignaalOmschrijving", "Op 12 mei samen gezien met een bekende ronselaar (wijkagent)."));

    assertThat(instance).hasPassed("heropenen").hasNotPassed("besluit-afsluiten").isEnded();
    assertThat(historic(instance, "nazorgUitkomst")).isEqualTo("heropenen");
    assertThat(historic(instance, "afsluitdatum")).isNull();
  }

  @Test
  void closesTheCaseOnAJointDecisionAndRecordsTodayAsAfsluitdatum() {
    ProcessInstance instance = start();
    execute(timer(instance));
    Step<Void> proposed = dueDates.step(() -> proposeClosure(instance));

    assertThat(instance).isWaitingAt("besluit-afsluiten");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId())).containsExactly("voorzitter-hm");
    dueDates.assertDue(task(instance).getDueDate(), "afsluiting", proposed);
    complete(task(instance), withVariables("besluitAfsluiten", "afsluiten",
        "akkoordGemeente", true, "akkoordPolitie", true, "akkoordOm", true,
        "overigePartnersAkkoord", "Jongerenwerk",
        "redenAfsluiten", "Risico weggenomen; school en jongerenwerk blijven betrokken zonder casus."));

    assertThat(instance).hasPassed("casus-afgesloten").isEnded();
    assertThat(historic(instance, "nazorgUitkomst")).isEqualTo("afgesloten");
    assertThat(historic(instance, "afsluitdatum")).isEqualTo(LocalDate.now().toString());
  }

  @Test
  void goesBackToMonitoringWhenThePartnersDecideToContinue() {
    ProcessInstance instance = start();
    execute(timer(instance));
    proposeClosure(instance);

    complete(task(instance), withVariables("besluitAfsluiten", "doorgaan",
        "redenDoorgaan", "Eerst de overgang naar het mbo afwachten."));

    assertThat(instance).hasPassed("uitkomst-besluit-afsluiten").isWaitingAt("tijd-voor-checkin");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "nazorgUitkomst")).isNull();

    // The next proposal is decided afresh: the earlier decision is not in the form any more.
    execute(timer(instance));
    proposeClosure(instance);
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("besluitAfsluiten", "redenDoorgaan");
  }

  @Test
  void refusesAClosureWithoutAReasonOrWithoutTheConsentOfGemeentePolitieAndOm() {
    ProcessInstance instance = start();
    execute(timer(instance));
    proposeClosure(instance);

    assertThat(refusal(() -> complete(task(instance), withVariables("besluitAfsluiten", "afsluiten",
        "akkoordGemeente", true, "akkoordPolitie", true, "akkoordOm", false))).fields())
        .containsExactly("akkoordOm", "redenAfsluiten");
    assertThat(refusal(() -> complete(task(instance), withVariables("besluitAfsluiten", "doorgaan"))).fields())
        .containsExactly("redenDoorgaan");
    assertThat(instance).isWaitingAt("besluit-afsluiten");
  }

  @Test
  void refusesANewSignalWithoutDescribingIt() {
    ProcessInstance instance = start();
    execute(timer(instance));

    assertThat(refusal(() -> complete(task(instance), withVariables("uitkomstCheckin", "nieuwSignaal",
        "checkinVerslag", "Zorgen van school."))).fields()).containsExactly("nieuwSignaalOmschrijving");
    assertThat(instance).isWaitingAt("checkin-monitoring");
  }

  private ProcessInstance start() {
    String casusId = "SK-TEST-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("nazorg", casusId,
        Map.of("gemeente", "gemeente-leiden", "casusId", casusId));
    started.add(instance.getId());
    return instance;
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().singleResult();
  }

  private void proposeClosure(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("checkin-monitoring");
    complete(task(instance), withVariables("uitkomstCheckin", "afsluitenVoorstellen",
        "checkinVerslag", "Drie rustige periodes; gaat naar het mbo.",
        "motivatieAfsluiten", "Risicofactoren afgenomen, beschermende factoren houden stand."));
  }

}
