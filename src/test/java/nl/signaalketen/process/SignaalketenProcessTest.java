package nl.signaalketen.process;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static nl.signaalketen.testsupport.Cases.signal;
import static nl.signaalketen.testsupport.ProcessTests.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.OutboxNotificationChannel;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main chain, processes/signaalketen.bpmn: registration and feedback, the routing between
 * the phases (each phase has a test class of its own; these tests start at a gateway with the
 * phase's outcome), the plan-change loop and its limit, and a second signal joining a case.
 */
@IntegrationTest
class SignaalketenProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired OutboxNotificationChannel outbox;

  private RuntimeService runtime;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
  }

  private ProcessInstance startAt(String activity, Object... variables) {
    Map<String, Object> values = new HashMap<>(signal("gemeente-leiden"));
    values.put("casusId", "SK-TEST-" + System.nanoTime());
    values.put("planRonde", 1);
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    return runtime.createProcessInstanceByKey("signaalketen").setVariables(values)
        .startBeforeActivity(activity).execute();
  }

  private static String caseRef(ProcessInstance instance) {
    return (String) historic(instance, "casusId");
  }

  private String lastFeedback(String caseRef) {
    var sent = outbox.forCase(caseRef);
    assertThat(sent).isNotEmpty();
    return sent.get(sent.size() - 1).kind();
  }

  @Test
  void aNewSignalGetsACaseReferenceAReceiptAndGoesToTheMelding() {
    ProcessInstance instance = runtime.startProcessInstanceByKey("signaalketen", signal("gemeente-leiden"));

    String casusId = (String) runtime.getVariable(instance.getId(), "casusId");
    assertThat(casusId).startsWith("SK-");
    assertThat(runtime.getVariable(instance.getId(), "casusStatus")).isEqualTo("signaal");
    assertThat(instance).hasBusinessKey(casusId).isWaitingAt("melding");
    assertThat(outbox.forCase(casusId)).extracting(Notification::kind, Notification::recipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("terugkoppeling-ontvangst", "docent@example.org"));
  }

  @Test
  void noConcernClosesTheCaseAndTellsTheReporterItIsNotTakenUp() {
    ProcessInstance instance = startAt("uitkomst-melding", "uitkomstMelding", "geenZorg");
    assertThat(instance).hasPassed("niet-opgepakt-melden", "afgesloten-geen-zorg").isEnded();
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-nietOpgepakt");
  }

  @Test
  void aCareNeedIsHandedOverAndTheReporterToldSo() {
    ProcessInstance instance = startAt("uitkomst-melding", "uitkomstMelding", "zorg");
    assertThat(instance).hasPassed("overdracht-melden", "overgedragen-aan-zorg").isEnded();
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-overgedragen");
  }

  @Test
  void possibleRadicalisationIsTakenUpAndGoesToTheWeging() {
    ProcessInstance instance = startAt("uitkomst-melding", "uitkomstMelding", "weging");
    assertThat(instance).hasPassed("opgepakt-melden").isWaitingAt("weging");
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-opgepakt");
  }

  @Test
  void noActionAfterTheWegingClosesTheCaseWithoutACaseMeeting() {
    ProcessInstance instance = startAt("uitkomst-weging", "uitkomstWeging", "geenActie");
    assertThat(instance).hasPassed("geen-casusoverleg-melden", "afgesloten-na-weging").isEnded();
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-casusoverlegNee");
  }

  @Test
  void aCriminalInvestigationAloneMeansNoCaseMeeting() {
    ProcessInstance instance = startAt("uitkomst-weging", "uitkomstWeging", "strafrechtelijk");
    assertThat(instance).hasPassed("afgesloten-na-weging").isEnded();
  }

  @Test
  void aPersonalApproachLeadsToTheCaseMeetingAndTheReporterHearsSo() {
    ProcessInstance instance = startAt("uitkomst-weging", "uitkomstWeging", "pga", "planRonde", 0);
    assertThat(instance).isWaitingAt("casusoverleg");
    assertThat(runtime.getVariable(instance.getId(), "planRonde")).isEqualTo(1L);
    assertThat(runtime.getVariable(instance.getId(), "casusStatus")).isEqualTo("pga");
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-casusoverlegJa");
  }

  @Test
  void aChangedPlanGoesBackToTheCaseMeetingWithinTheLimit() {
    ProcessInstance instance = startAt("plan-gewijzigd", "planGewijzigdInRonde", true, "planRonde", 1);
    assertThat(instance).isWaitingAt("casusoverleg");
    assertThat(runtime.getVariable(instance.getId(), "planRonde")).isEqualTo(2L);
  }

  @Test
  void aPlanChangedTooOftenGoesToTheMayorAndThenToNazorg() {
    ProcessInstance instance = startAt("plan-gewijzigd", "planGewijzigdInRonde", true, "planRonde", 3);
    assertThat(instance).isWaitingAt("vastgelopen-plan");
    ProcessInstance besluit = calledProcessInstance(instance);
    assertThat(besluit).isWaitingAt("besluit-nemen");
    // The mayor's own process: the case reference and the plan rounds, nothing of the signal.
    assertThat(runtime.getVariables(besluit.getId())).containsOnlyKeys("gemeente", "casusId", "planRonde");
    assertThat(candidateUsers(engine.getTaskService(), task(besluit).getId()))
        .containsExactly("burgemeester-leiden");

    complete(task(besluit), withVariables("bestuurlijkBesluit", "monitoren",
        "toelichtingBestuurlijkBesluit", "Driehoek besluit: voortzetten onder toezicht."));
    assertThat(besluit).hasPassed("besluit-genomen").isEnded();
    assertThat(instance).isWaitingAt("nazorg");
    assertThat(runtime.getVariable(instance.getId(), "bestuurlijkBesluit")).isEqualTo("monitoren");
  }

  @Test
  void anExecutedPlanGoesToNazorg() {
    ProcessInstance instance = startAt("plan-gewijzigd", "planGewijzigdInRonde", false);
    assertThat(instance).isWaitingAt("nazorg");
  }

  @Test
  void closureAfterNazorgTellsTheReporter() {
    ProcessInstance instance = startAt("uitkomst-nazorg", "nazorgUitkomst", "afgesloten");
    assertThat(instance).hasPassed("afsluiting-melden", "casus-afgesloten").isEnded();
    assertThat(lastFeedback(caseRef(instance))).isEqualTo("terugkoppeling-afsluiting");
  }

  @Test
  void nazorgCanReopenTheWeging() {
    ProcessInstance instance = startAt("uitkomst-nazorg", "nazorgUitkomst", "heropenen");
    assertThat(instance).isWaitingAt("weging");
  }

  @Test
  void aNewSignalDuringNazorgReopensTheWegingOfTheSameCase() {
    ProcessInstance instance = startAt("nazorg");
    assertThat(instance).isWaitingAt("nazorg");

    runtime.createMessageCorrelation("nieuwSignaalTijdensNazorg").processInstanceId(instance.getId())
        .correlate();

    assertThat(instance).hasPassed("nieuw-signaal-tijdens-nazorg").isWaitingAt("weging");
  }

  @Test
  void aSecondSignalAboutThePersonOfARunningCaseJoinsThatCase() {
    Map<String, Object> first = signal("gemeente-leiden");
    first.put("betrokkeneNaam", "Jan de Vries-" + System.nanoTime());
    first.put("geboortedatum", "2009-03-14");
    ProcessInstance running = runtime.startProcessInstanceByKey("signaalketen", first);
    Map<String, Object> second = new HashMap<>(first);
    second.put("betrokkeneNaam", "  " + ((String) first.get("betrokkeneNaam")).toUpperCase() + " ");
    second.put("signaal", "Tweede melding: deelt propaganda in een groepsapp.");
    second.put("melderContact", "jongerenwerker@example.org");

    ProcessInstance joining = runtime.startProcessInstanceByKey("signaalketen", second);

    assertThat(joining).hasPassed("signaal-toevoegen", "toegevoegd-aan-lopende-casus").isEnded();
    assertThat(runtime.getVariable(running.getId(), "minderjarig")).isEqualTo(true);
    var review = engine.getTaskService().createTaskQuery().processInstanceId(running.getId())
        .taskDefinitionKey("nieuw-signaal-beoordelen").singleResult();
    assertThat(review).isNotNull();
    assertThat(candidateUsers(engine.getTaskService(), review.getId())).containsExactly("adviseur-leiden");
    assertThat(engine.getTaskService().getVariable(review.getId(), "nieuwSignaal"))
        .isEqualTo("Tweede melding: deelt propaganda in een groepsapp.");
    assertThat(outbox.forCase(caseRef(joining)))
        .extracting(Notification::kind).containsExactly("terugkoppeling-ontvangst", "terugkoppeling-toegevoegd");

    complete(review, withVariables("vervolgNieuwSignaal", "meenemen",
        "beoordelingNieuwSignaal", "Past in het beeld; meenemen in de weging."));
    assertThat(running).hasPassed("nieuw-signaal-beoordeeld").isWaitingAt("melding");
  }

  @Test
  void aSignalAboutTheSamePersonInAnotherGemeenteOpensANewCase() {
    Map<String, Object> first = signal("gemeente-leiden");
    first.put("bsn", "1234" + String.valueOf(System.nanoTime()).substring(0, 5));
    runtime.startProcessInstanceByKey("signaalketen", first);
    Map<String, Object> elsewhere = new HashMap<>(first);
    elsewhere.put("gemeente", "gemeente-alphen");

    ProcessInstance other = runtime.startProcessInstanceByKey("signaalketen", elsewhere);

    assertThat(other).hasNotPassed("signaal-toevoegen").isWaitingAt("melding");
  }
}
