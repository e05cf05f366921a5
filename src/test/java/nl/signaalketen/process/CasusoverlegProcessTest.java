package nl.signaalketen.process;

import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.formvalidation.FormRuleViolation;
import nl.signaalketen.testsupport.DueDates;
import nl.signaalketen.testsupport.DueDates.Step;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/casusoverleg.bpmn: preparation by the ZVH procesregisseur, the participants from the
 * decision deelnemers-casusoverleg, the wait for the meeting day, and the plan van aanpak that the
 * bean planVanAanpak checks and turns into the list 'acties'.
 */
@IntegrationTest
class CasusoverlegProcessTest {

  private static final List<String> CORE = List.of("procesregisseur", "voorzitter-casusoverleg",
      "adviseur-radicalisering", "politie-expert-radicalisering", "officier-van-justitie");

  @Autowired
  ProcessEngine engine;

  @Autowired
  DueDates dueDates;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  // ---------------------------------------------------------------- preparation and participants

  @Test
  void offersThePreparationToTheProcesregisseurOfTheRegionAndTheDeputy() {
    Step<ProcessInstance> started = dueDates.step(() -> start(false, false, false));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("casusoverleg-voorbereiden");
    Task preparation = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), preparation.getId()))
        .containsExactly("procesregisseur-hm", "voorzitter-hm");
    dueDates.assertDue(preparation.getDueDate(), "voorbereiding-casusoverleg", started);
  }

  @Test
  void invitesOnlyTheCorePartnersWhenTheCaseAsksForNoOthers() {
    ProcessInstance instance = start(false, false, false);

    prepare(instance, false, inDays(14));

    assertThat(instance).isWaitingAt("datum-casusoverleg");
    assertThat(deelnemers(instance)).containsExactlyInAnyOrderElementsOf(CORE);
    assertThat(instance).variables()
        .containsEntry("uitgenodigdVoorzitter", true).containsEntry("uitgenodigdOm", true)
        .containsEntry("uitgenodigdRaad", false).containsEntry("uitgenodigdReclassering", false)
        .containsEntry("uitgenodigdSchool", false).containsEntry("uitgenodigdNctv", false);
  }

  @Test
  void invitesRaadReclasseringSchoolAndNctvWhenTheCaseAsksForThem() {
    ProcessInstance instance = start(true, true, true);

    prepare(instance, true, inDays(14));

    assertThat(deelnemers(instance)).containsAll(CORE).contains("raadsonderzoeker",
        "reclassering-ter", "aandachtsfunctionaris-school", "nctv-adviseur").hasSize(9);
    assertThat(instance).variables()
        .containsEntry("uitgenodigdRaad", true).containsEntry("uitgenodigdReclassering", true)
        .containsEntry("uitgenodigdSchool", true).containsEntry("uitgenodigdNctv", true);
  }

  @Test
  void treatsCaseFeaturesTheChainDidNotRecordAsNo() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", "gemeente-leiden");
    variables.put("casusId", "CO-" + UUID.randomUUID());
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("casusoverleg", variables);

    prepare(instance, false, inDays(7));

    assertThat(deelnemers(instance)).containsExactlyInAnyOrderElementsOf(CORE);
    assertThat(instance).variables().containsEntry("minderjarig", false)
        .containsEntry("detentieOfToezicht", false).containsEntry("schoolgaand", false);
  }

  // ---------------------------------------------------------------- the meeting day

  @Test
  void waitsUntilThePlannedDayAndThenOffersTheMeetingToTheVoorzitter() {
    ProcessInstance instance = start(false, false, false);
    LocalDate day = LocalDate.now().plusDays(21);
    prepare(instance, false, day);

    Job timer = meetingDayTimer(instance);
    assertThat(timer.getDuedate()).isEqualTo(startOf(day));
    Step<Void> meetingDay = dueDates.step(() -> engine.getManagementService().executeJob(timer.getId()));

    assertThat(instance).isWaitingAt("casusoverleg-voeren");
    Task meeting = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), meeting.getId())).containsExactly("voorzitter-hm");
    dueDates.assertDue(meeting.getDueDate(), "casusoverleg", meetingDay);
  }

  @Test
  void returnsThePlanAsOneActionPerInterventieAndTheCasusregisseur() {
    ProcessInstance instance = atMeeting(false, false, false);
    String review = inDays(42).toString();

    Map<String, Object> meeting = meeting();
    meeting.put("aanwezigProcesregisseur", true);
    meeting.put("aanwezigPolitie", false);
    complete(task(instance), meeting);

    assertThat(instance).hasPassed("casusoverleg-voeren", "plan-van-aanpak-vastgesteld").isEnded();
    assertThat(historic(instance, "casusregisseur")).isEqualTo("casusregisseur-hm");
    assertThat((List<?>) historic(instance, "acties")).singleElement().isEqualTo(Map.of(
        "rol", "jongerenwerker", "doel", "Weerbaarheid vergroten en een positief netwerk opbouwen.",
        "reviewDatum", review, "kosten", true, "omschrijving", "Mentortraject met wekelijkse gesprekken."));
  }

  @Test
  void returnsUpToThreeActionsInTheOrderOfTheForm() {
    ProcessInstance instance = atMeeting(true, true, true);
    Map<String, Object> meeting = meeting();
    meeting.putAll(action(2, "reclassering-ter", "Toezicht op bijzondere voorwaarden.", inDays(30)));
    meeting.putAll(action(3, "aandachtsfunctionaris-school", "Schoolgang en begeleiding.", inDays(20)));
    meeting.put("actie2Toevoegen", true);
    meeting.put("actie3Toevoegen", true);
    meeting.put("actie3Omschrijving", null);

    complete(task(instance), meeting);

    assertThat(instance).isEnded();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> acties = (List<Map<String, Object>>) historic(instance, "acties");
    assertThat(acties).extracting(a -> a.get("rol"))
        .containsExactly("jongerenwerker", "reclassering-ter", "aandachtsfunctionaris-school");
    assertThat(acties).extracting(a -> a.get("kosten")).containsExactly(true, false, false);
    assertThat(acties.get(2).get("omschrijving")).isNull();
  }

  @Test
  void leavesOutASecondActionTheFormDidNotAdd() {
    ProcessInstance instance = atMeeting(false, false, false);
    Map<String, Object> meeting = meeting();
    meeting.put("actie2Toevoegen", false);

    complete(task(instance), meeting);

    assertThat((List<?>) historic(instance, "acties")).hasSize(1);
  }

  // ---------------------------------------------------------------- what planVanAanpak refuses

  @ParameterizedTest(name = "refuses a plan when {0} is {1}")
  @CsvSource(nullValues = "null", value = {
      "actie1Rol, null",
      "actie1Rol, tovenaar",
      "actie1Doel, '   '",
      "actie1ReviewDatum, null",
      "actie1ReviewDatum, volgende week",
      "actie1ReviewDatum, TODAY",
      "actie1ReviewDatum, YESTERDAY",
      "casusregisseur, null",
      "casusregisseur, onbekende-persoon",
      "casusregisseur, voorzitter-hm",
      "casusregisseur, adviseur-leiden",
  })
  void refusesAPlanWithoutACompleteFirstActionOrCasusregisseur(String field, String value) {
    ProcessInstance instance = atMeeting(false, false, false);
    Map<String, Object> meeting = meeting();
    meeting.put(field, "TODAY".equals(value) ? LocalDate.now().toString()
        : "YESTERDAY".equals(value) ? LocalDate.now().minusDays(1).toString() : value);

    assertRefused(instance, meeting, field);
  }

  @Test
  void refusesAnIncompleteSecondActionTheFormAdded() {
    ProcessInstance instance = atMeeting(false, false, false);
    Map<String, Object> meeting = meeting();
    meeting.put("actie2Toevoegen", true);
    meeting.putAll(action(2, "ggz-behandelaar", null, inDays(30)));

    assertRefused(instance, meeting, "actie2Doel");
  }

  @Test
  void refusesAThirdActionFilledInWithoutAnOwner() {
    ProcessInstance instance = atMeeting(false, false, false);
    Map<String, Object> meeting = meeting();
    meeting.put("actie3Doel", "Woonsituatie stabiliseren.");

    assertRefused(instance, meeting, "actie3Rol");
  }

  @Test
  void refusesACasusregisseurOfAnotherRegion() {
    ProcessInstance instance = atMeeting(false, false, false);
    engine.getRuntimeService().setVariable(instance.getId(), "gemeente", "gemeente-buiten-de-regio");

    assertRefused(instance, meeting(), "casusregisseur");
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(boolean minderjarig, boolean detentieOfToezicht, boolean schoolgaand) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", "gemeente-leiden");
    variables.put("casusId", "CO-" + UUID.randomUUID());
    variables.put("minderjarig", minderjarig);
    variables.put("detentieOfToezicht", detentieOfToezicht);
    variables.put("schoolgaand", schoolgaand);
    variables.put("planRonde", 1);
    return engine.getRuntimeService().startProcessInstanceByKey("casusoverleg", variables);
  }

  private void prepare(ProcessInstance instance, boolean ideologischeDuidingNodig, LocalDate day) {
    assertThat(instance).isWaitingAt("casusoverleg-voorbereiden");
    complete(task(instance), Map.of(
        "ideologischeDuidingNodig", ideologischeDuidingNodig,
        "datumCasusoverleg", day.toString(),
        "agendaCasusoverleg", "Risicotaxatie bespreken; wie kan contact leggen met de familie?"));
  }

  private ProcessInstance atMeeting(boolean minderjarig, boolean detentieOfToezicht, boolean schoolgaand) {
    ProcessInstance instance = start(minderjarig, detentieOfToezicht, schoolgaand);
    prepare(instance, false, inDays(10));
    engine.getManagementService().executeJob(meetingDayTimer(instance).getId());
    assertThat(instance).isWaitingAt("casusoverleg-voeren");
    return instance;
  }

  /** A complete meeting form with one action (a mentor trajectory that costs money). */
  private static Map<String, Object> meeting() {
    Map<String, Object> form = new HashMap<>();
    form.put("aanwezigVoorzitter", true);
    form.put("aanwezigGemeente", true);
    form.put("aanwezigOm", true);
    form.put("risicofactoren", "Sociaal isolement; online contact met een bekende ronselaar.");
    form.put("beschermendeFactoren", "Betrokken moeder; wil zijn opleiding afmaken.");
    form.put("besluiten", "Persoonsgerichte aanpak; betrokkene wordt geinformeerd door de gemeente.");
    form.putAll(action(1, "jongerenwerker", "Weerbaarheid vergroten en een positief netwerk opbouwen.", inDays(42)));
    form.put("actie1Kosten", true);
    form.put("actie1Omschrijving", "Mentortraject met wekelijkse gesprekken.");
    form.put("casusregisseur", "casusregisseur-hm");
    return form;
  }

  private static Map<String, Object> action(int n, String rol, String doel, LocalDate review) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("actie" + n + "Rol", rol);
    fields.put("actie" + n + "Doel", doel);
    fields.put("actie" + n + "ReviewDatum", review.toString());
    fields.put("actie" + n + "Kosten", false);
    return fields;
  }

  /** Refused naming exactly this field (also in the message Tasklist shows); nothing stored. */
  private void assertRefused(ProcessInstance instance, Map<String, Object> form, String field) {
    String taskId = task(instance).getId();
    FormRuleViolation refused = refusal(() -> engine.getTaskService().complete(taskId, form));
    assertThat(refused).hasMessageContaining("(" + field + ")");
    assertThat(refused.fields()).containsExactly(field);
    assertThat(instance).isWaitingAt("casusoverleg-voeren");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acties"))
        .as("nothing stored").isNull();
  }

  private Job meetingDayTimer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().activityId("datum-casusoverleg").singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> deelnemers(ProcessInstance instance) {
    return (List<String>) engine.getRuntimeService().getVariable(instance.getId(), "deelnemers");
  }

  private static LocalDate inDays(int days) {
    return LocalDate.now().plusDays(days);
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
