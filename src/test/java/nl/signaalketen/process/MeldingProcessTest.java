package nl.signaalketen.process;

import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static nl.signaalketen.testsupport.Cases.duiding;
import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.deadlines.Limits;
import nl.signaalketen.testsupport.DueDates;
import nl.signaalketen.testsupport.DueDates.Step;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/melding.bpmn (phase 1: intake and duiding), started directly with the
 * variables the main process passes in, with the demo network deciding who gets each task and the
 * server-side form check applying the rules of each task's form.
 */
@IntegrationTest
class MeldingProcessTest {

  private static final String GEMEENTE = "gemeente-leiden";

  @Autowired
  ProcessEngine engine;

  @Autowired
  Limits limits;

  @Autowired
  DueDates dueDates;

  @Autowired
  Clock clock;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  // --- the outcomes of a first duiding ------------------------------------------------------

  @Test
  void offersTheDuidingToTheAdviseurOfTheGemeenteWithTheDuidingDeadline() {
    Step<ProcessInstance> started = dueDates.step(() -> start(false));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("melding-duiden");
    Task duiden = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), duiden.getId())).containsExactly("adviseur-leiden");
    dueDates.assertDue(duiden.getDueDate(), "duiding", started);
    // Five working days, as configured: at least five weekdays later, on a weekday.
    LocalDate dueDay = duiden.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
    assertThat(dueDay.getDayOfWeek()).isNotIn(SATURDAY, SUNDAY);
    assertThat(started.before().toLocalDate().plusDays(1).datesUntil(dueDay.plusDays(1))
        .map(LocalDate::getDayOfWeek).filter(day -> day != SATURDAY && day != SUNDAY).count())
        .as("weekdays until the due date").isGreaterThanOrEqualTo(5);
  }

  @Test
  void closesTheMeldingWhenThereIsNoRadicalisationAndNoCareNeed() {
    ProcessInstance instance = start(false);

    complete(task(instance), duiding(true, false, false));

    assertThat(instance).hasPassed("routering-bepalen", "afgesloten-geen-zorg").isEnded();
    assertThat(historic(instance, "uitkomstDuiding")).isEqualTo("geenZorg");
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("geenZorg");
  }

  @Test
  void handsACareNeedWithoutRadicalisationToTheSociaalWijkteam() {
    ProcessInstance instance = start(false);

    Map<String, Object> duiding = duiding(true, false, true);
    duiding.put("zorgvraag", "Gezin zoekt hulp bij schulden en schooluitval.");
    Step<Void> duided = dueDates.step(() -> complete(task(instance), duiding));

    assertThat(instance).isWaitingAt("overdracht-voorbereiden");
    Task voorbereiden = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), voorbereiden.getId())).containsExactly("adviseur-leiden");
    dueDates.assertDue(voorbereiden.getDueDate(), "overdracht-voorbereiden", duided);
    Step<Void> prepared = dueDates.step(() -> complete(voorbereiden, overdrachtVerantwoord()));

    assertThat(instance).isWaitingAt("overdracht-zorg");
    ProcessInstance zorg = calledProcessInstance(instance);
    // The wijkteam's own process receives the person and the care need, nothing of the melding.
    assertThat(engine.getRuntimeService().getVariables(zorg.getId())).containsOnlyKeys("gemeente", "casusId",
        "betrokkeneNaam", "geboortedatum", "zorgvraag");
    assertThat(zorg).isWaitingAt("zorgvraag-overnemen");
    Task overname = task(zorg);
    assertThat(candidateUsers(engine.getTaskService(), overname.getId())).containsExactly("wijkteam-leiden");
    dueDates.assertDue(overname.getDueDate(), "overdracht-zorg", prepared);

    complete(overname, overdracht());
    assertThat(zorg).hasPassed("zorg-overgenomen").isEnded();
    assertThat(instance).hasPassed("overgedragen-zorg").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("zorg");
  }

  @Test
  void sendsPossibleRadicalisationToTheWegingWithDetentionAndSchoolAsRecorded() {
    ProcessInstance instance = start(false);

    Map<String, Object> duiding = duiding(true, true, true);
    duiding.put("detentieOfToezicht", true);
    duiding.put("schoolgaand", false);
    complete(task(instance), duiding);

    assertThat(instance).hasPassed("door-naar-weging").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("weging");
    assertThat(historic(instance, "detentieOfToezicht")).isEqualTo(true);
    assertThat(historic(instance, "schoolgaand")).isEqualTo(false);
  }

  @Test
  void goesStraightToTheDuidingWhenTheMainProcessPassesNoAcuteDangerFlag() {
    Map<String, Object> variables = melding();
    variables.put("acuutGevaar", null); // what camunda:in passes when the main process has no value
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("melding", (String) variables.get("casusId"), variables);

    assertThat(instance).hasNotPassed("acuut-gevaar-afhandelen").isWaitingAt("melding-duiden");
  }

  // --- acute danger --------------------------------------------------------------------------

  @Test
  void letsThePoliceActWithinAnHourOnAcuteDangerBeforeTheDuiding() {
    Step<ProcessInstance> started = dueDates.step(() -> start(true));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("acuut-gevaar-afhandelen");
    Task politie = task(instance);
    // The regional police expert covers every gemeente of the ZVH region.
    assertThat(candidateUsers(engine.getTaskService(), politie.getId())).containsExactly("politie-expert-hm");
    DueDates.assertDue(politie.getDueDate(), "deadline acuut-gevaar: one hour", from -> from.plusHours(1), started);

    complete(politie, Map.of(
        "politieOptreden", "Om 14.10 ter plaatse, gesprek met betrokkene en ouders; messen in beslag genomen.",
        "beoordelingAcuutGevaar", "geweken",
        "politieContactpersoon", "N. Rahimi, 06-12345678"));

    assertThat(instance).isWaitingAt("melding-duiden");
    assertThat(instance).variables().containsEntry("beoordelingAcuutGevaar", "geweken");
    complete(task(instance), duiding(true, true, false));
    assertThat(instance).hasPassed("acuut-gevaar-afhandelen", "door-naar-weging").isEnded();
  }

  @Test
  void refusesAPoliceReportWithoutWhatThePoliceDid() {
    ProcessInstance instance = start(true);

    Task politie = task(instance);
    assertThat(refusal(() -> engine.getTaskService().complete(politie.getId(), Map.of(
        "beoordelingAcuutGevaar", "geweken", "politieContactpersoon", "N. Rahimi"))).fields())
        .containsExactly("politieOptreden");
    assertThat(instance).isWaitingAt("acuut-gevaar-afhandelen");
  }

  // --- more information, bounded -------------------------------------------------------------

  @Test
  void collectsMoreInformationAndReturnsToTheDuiding() {
    ProcessInstance instance = start(false);

    Step<Void> duided = dueDates.step(() -> complete(task(instance), duiding(false, false, false)));

    assertThat(instance).hasPassed("informatieronde-mogelijk").isWaitingAt("aanvullende-informatie-verzamelen");
    Task verzamelen = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), verzamelen.getId())).containsExactly("adviseur-leiden");
    dueDates.assertDue(verzamelen.getDueDate(), "aanvullende-informatie", duided);
    assertThat(number(instance, "informatieRondes")).isEqualTo(1);

    complete(verzamelen, aanvullendeInformatie());
    assertThat(instance).isWaitingAt("melding-duiden");

    complete(task(instance), duiding(true, false, false));
    assertThat(instance).hasPassed("afgesloten-geen-zorg").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("geenZorg");
  }

  @Test
  void letsTheAdviseurDecideWithoutAnotherRoundOnceTheLimitOfRoundsIsReached() {
    ProcessInstance instance = start(false);
    int limit = limits.rounds("informatie");
    assertThat(limit).isPositive();
    assertThat(instance).variables().containsEntry("maxInformatieRondes", limit);

    int rounds = exhaustInformationRounds(instance);

    assertThat(rounds).isEqualTo(limit);
    assertThat(instance).hasPassed("informatieronde-mogelijk").isWaitingAt("melding-definitief-duiden");
    Task definitief = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), definitief.getId())).containsExactly("adviseur-leiden");
    assertThat(number(instance, "informatieRondes")).isEqualTo(limit);
    assertThat(instance).variables().containsEntry("uitkomstDuiding", "meerInformatie");

    // The form no longer offers "more information": the server refuses it as well.
    assertThat(refusal(() -> engine.getTaskService().complete(definitief.getId(),
        definitieveDuiding("meerInformatie"))).fields())
        .containsExactly("uitkomstDuiding");

    complete(definitief, definitieveDuiding("weging"));
    assertThat(instance).hasPassed("melding-definitief-duiden", "door-naar-weging").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("weging");
    assertThat(number(instance, "informatieRondes")).isEqualTo(limit);
  }

  @Test
  void handsACareNeedToTheWijkteamWhenTheAdviseurDecidesAfterTheLastRound() {
    ProcessInstance instance = start(false);
    exhaustInformationRounds(instance);

    Map<String, Object> definitief = definitieveDuiding("zorg");
    definitief.put("zorgvraag", "Ondersteuning bij opvoeding; moeder vraagt om hulp.");
    complete(task(instance), definitief);

    assertThat(instance).isWaitingAt("overdracht-voorbereiden");
    complete(task(instance), overdrachtVerantwoord());
    complete(task(calledProcessInstance(instance)), overdracht());
    assertThat(instance).hasPassed("melding-definitief-duiden", "overgedragen-zorg").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("zorg");
  }

  @Test
  void closesTheMeldingWhenTheAdviseurFindsNoConcernAfterTheLastRound() {
    ProcessInstance instance = start(false);
    exhaustInformationRounds(instance);

    complete(task(instance), definitieveDuiding("geenZorg"));

    assertThat(instance).hasPassed("melding-definitief-duiden", "afgesloten-geen-zorg").isEnded();
    assertThat(historic(instance, "uitkomstMelding")).isEqualTo("geenZorg");
  }

  // --- the rules of the duiding form, checked on the server ----------------------------------

  @Test
  void asksWhatInformationIsMissingWhenTheInformationDoesNotSuffice() {
    ProcessInstance instance = start(false);

    Map<String, Object> duiding = duiding(false, false, false);
    duiding.remove("benodigdeInformatie");

    assertRefused(instance, duiding, "benodigdeInformatie");
  }

  @Test
  void asksForTheCareQuestionWhenTheDuidingLeadsToTheWijkteam() {
    ProcessInstance instance = start(false);

    assertRefused(instance, duiding(true, false, true), "zorgvraag");
  }

  @Test
  void asksWhenTheReporterWasCalledBack() {
    ProcessInstance instance = start(false);

    Map<String, Object> duiding = duiding(true, false, false);
    duiding.put("melderTeruggebeld", true);
    assertRefused(instance, duiding, "datumTerugbellen");

    duiding.put("datumTerugbellen", "2025-03-04");
    duiding.put("verslagTerugbellen", "Melder bevestigt: eenmalig incident, geen ideologie.");
    complete(task(instance), duiding);
    assertThat(instance).isEnded();
    assertThat(historic(instance, "datumTerugbellen")).isEqualTo("2025-03-04");
  }

  @Test
  void refusesADuidingWithoutAReasonedExplanation() {
    ProcessInstance instance = start(false);

    Map<String, Object> duiding = duiding(true, false, false);
    duiding.put("toelichtingDuiding", "geen zorg");

    assertRefused(instance, duiding, "toelichtingDuiding");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The in-variables of the contract, as the main process passes them. */
  private static Map<String, Object> melding() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", GEMEENTE);
    variables.put("casusId", "TEST-MELDING-" + UUID.randomUUID());
    variables.put("signaal", "Leerling deelt in de klas filmpjes die geweld verheerlijken.");
    variables.put("meningen", "De mentor denkt dat hij wordt beïnvloed door een oudere neef.");
    variables.put("bronnen", "Eigen waarneming van de mentor; klasgenoten (tweedehands).");
    variables.put("tegenindicaties", "Goede band met de mentor, gaat trouw naar de voetbalclub.");
    variables.put("minderjarig", true);
    variables.put("melderNaam", "Docent van het Demo Lyceum");
    variables.put("melderContact", "docent@example.org");
    variables.put("acuutGevaar", false);
    return variables;
  }

  private ProcessInstance start(boolean acuutGevaar) {
    Map<String, Object> variables = melding();
    variables.put("acuutGevaar", acuutGevaar);
    return engine.getRuntimeService()
        .startProcessInstanceByKey("melding", (String) variables.get("casusId"), variables);
  }

  private static Map<String, Object> aanvullendeInformatie() {
    return Map.of(
        "aanvullendeInformatie", "Leerplicht: geen verzuim. Jongerenwerk kent hem als rustige jongen.",
        "bronnenAanvullendeInformatie", "Leerplichtambtenaar en jongerenwerker, telefonisch.",
        "grondslagInformatie", "wettelijkePlicht");
  }

  private static Map<String, Object> definitieveDuiding(String uitkomst) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("uitkomstDuiding", uitkomst);
    variables.put("detentieOfToezicht", false);
    variables.put("schoolgaand", true);
    variables.put("toelichtingDefinitieveDuiding", "Na twee rondes blijft het beeld onvolledig; zie onderbouwing.");
    return variables;
  }

  /** The adviseur's justification of the hand-over, for the sharing register. */
  static Map<String, Object> overdrachtVerantwoord() {
    return Map.of(
        "zorgvraag", "Gezin zoekt hulp bij schulden.",
        "doelOverdracht", "Het wijkteam neemt de zorg over.",
        "grondslagOverdracht", "wettelijke-plicht",
        "proportionaliteitOverdracht", "Alleen de persoon en de zorgvraag.",
        "subsidiariteitOverdracht", "Het gezin vroeg zelf niet om hulp.",
        "betrokkeneGeinformeerd", true);
  }

  private static Map<String, Object> overdracht() {
    return Map.of(
        "overnameZorg", "opgepakt",
        "afsprakenZorg", "Intake door het wijkteam volgende week bij het gezin thuis.",
        "contactpersoonWijkteam", "L. de Graaf, 071-1234567");
  }

  /** Says "more information" until the limit sends the melding to the final duiding; returns the rounds. */
  private int exhaustInformationRounds(ProcessInstance instance) {
    int rounds = 0;
    complete(task(instance), duiding(false, false, false));
    while (task(instance).getTaskDefinitionKey().equals("aanvullende-informatie-verzamelen")) {
      rounds++;
      assertThat(rounds).as("rounds of more information").isLessThanOrEqualTo(limits.rounds("informatie"));
      complete(task(instance), aanvullendeInformatie());
      assertThat(instance).isWaitingAt("melding-duiden");
      complete(task(instance), duiding(false, false, false));
    }
    return rounds;
  }

  /** The completion is refused naming only this field, and the task stays open. */
  private void assertRefused(ProcessInstance instance, Map<String, Object> variables, String field) {
    Task open = task(instance);
    assertThat(refusal(() -> engine.getTaskService().complete(open.getId(), variables)).fields())
        .containsExactly(field);
    assertThat(instance).isWaitingAt(open.getTaskDefinitionKey());
  }

  /** A counter (JUEL arithmetic stores a Long) as an int. */
  private int number(ProcessInstance instance, String name) {
    Object value = historic(instance, name);
    assertThat(value).as("variable %s", name).isInstanceOf(Number.class);
    return ((Number) value).intValue();
  }
}
