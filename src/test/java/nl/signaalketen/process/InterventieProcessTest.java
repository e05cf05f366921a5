package nl.signaalketen.process;

import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
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
 * processes/interventie.bpmn: one action of the plan van aanpak, from acceptance by its owner
 * through the budget decision to execution with periodic reviews by the casusregisseur.
 */
@IntegrationTest
class InterventieProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DueDates dueDates;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  // ---------------------------------------------------------------- acceptance and budget

  @Test
  void offersTheActionToWhoeverHoldsItsOwnerRoleForTheGemeente() {
    Step<ProcessInstance> started = dueDates.step(() -> start(actie("jongerenwerker", false, inDays(30))));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("actie-accepteren");
    Task acceptance = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), acceptance.getId())).containsExactly("jongerenwerker-leiden");
    dueDates.assertDue(acceptance.getDueDate(), "actie-accepteren", started);
    assertThat(instance).variables().containsEntry("actieRol", "jongerenwerker")
        .containsEntry("actieDoel", "Positief netwerk opbouwen.").containsEntry("actieKosten", false)
        .containsEntry("actieReviewDatum", inDays(30).toString()).containsEntry("planGewijzigd", false);
  }

  @Test
  void anActionWithoutCostsGoesStraightToExecution() {
    ProcessInstance instance = start(actie("ggz-behandelaar", false, inDays(30)));

    accept(instance);

    assertThat(instance).isWaitingAt("actie-uitvoeren").hasNotPassed("budget-goedkeuren");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId())).containsExactly("ggz-hm");
  }

  @Test
  void anActionWithCostsWaitsForTheBudgethouderAndStartsWhenApproved() {
    ProcessInstance instance = start(actie("jongerenwerker", true, inDays(30)));
    accept(instance);

    assertThat(instance).isWaitingAt("budget-goedkeuren");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId())).containsExactly("budgethouder-leiden");
    complete(task(instance), withVariables("budgetBesluit", "goedgekeurd", "toegekendBudget", 2400));

    assertThat(instance).isWaitingAt("actie-uitvoeren");
    assertThat(instance).variables().containsEntry("budgetRondes", 1L);
  }

  @Test
  void aRejectedBudgetGoesBackToTheOwnerOnceAndThenEndsTheActionAsNotExecuted() {
    ProcessInstance instance = start(actie("lse-begeleider", true, inDays(30)));
    accept(instance);
    reject(instance);

    assertThat(instance).isWaitingAt("actie-aanpassen");
    assertThat(candidateUsers(engine.getTaskService(), task(instance).getId())).containsExactly("lse-begeleider");
    complete(task(instance), withVariables("actieOmschrijving", "Kortere familiebegeleiding.",
        "actieKosten", true, "geschatteKosten", 1200, "toelichtingAanpassing", "Acht in plaats van zestien sessies."));
    assertThat(instance).isWaitingAt("budget-goedkeuren");
    reject(instance);

    assertThat(instance).hasPassed("actie-niet-uitgevoerd").isEnded();
    assertThat(historic(instance, "budgetRondes")).isEqualTo(2L);
    assertThat(historic(instance, "planGewijzigd")).isEqualTo(true);
    assertThat(historic(instance, "uitkomstActie")).isEqualTo("nietUitgevoerd");
  }

  @Test
  void anActionAdjustedToCostNothingSkipsTheSecondBudgetDecision() {
    ProcessInstance instance = start(actie("jongerenwerker", true, inDays(30)));
    accept(instance);
    reject(instance);

    complete(task(instance), withVariables("actieOmschrijving", "Inloop bij het jongerencentrum.",
        "actieKosten", false, "toelichtingAanpassing", "Bestaand aanbod, geen extra kosten."));

    assertThat(instance).isWaitingAt("actie-uitvoeren");
    assertThat(instance).variables().containsEntry("budgetRondes", 1L);
  }

  // ---------------------------------------------------------------- execution and review

  @Test
  void theOwnersReportGoesToTheCasusregisseurWhoCanRoundTheActionOff() {
    ProcessInstance instance = executing(actie("jongerenwerker", false, inDays(30)));

    Step<Void> reported = dueDates.step(() -> report(instance, "gereed"));

    assertThat(instance).isWaitingAt("voortgang-beoordelen");
    Task review = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), review.getId())).containsExactly("casusregisseur-hm");
    dueDates.assertDue(review.getDueDate(), "review", reported);
    complete(review, withVariables("reviewBesluit", "afronden"));

    assertThat(instance).hasPassed("actie-afgerond").isEnded();
    assertThat(historic(instance, "planGewijzigd")).isEqualTo(false);
    assertThat(historic(instance, "uitkomstActie")).isEqualTo("afgerond");
  }

  @Test
  void theFirstReviewFallsOnTheActionsReviewDateAndInterruptsExecution() {
    LocalDate firstReview = inDays(30);
    ProcessInstance instance = executing(actie("jongerenwerker", false, firstReview));

    Job timer = reviewTimer(instance);
    assertThat(timer.getDuedate()).isEqualTo(startOf(firstReview));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(instance).isWaitingAt("voortgang-beoordelen").hasPassed("reviewmoment");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("actie-uitvoeren").count()).isZero();
  }

  @Test
  void doorgaanResumesExecutionUntilTheNextReviewDate() {
    ProcessInstance instance = executing(actie("jongerenwerker", false, inDays(30)));
    engine.getManagementService().executeJob(reviewTimer(instance).getId());
    LocalDate nextReview = inDays(72);

    complete(task(instance), withVariables("reviewBesluit", "doorgaan", "volgendeReview", nextReview.toString()));

    assertThat(instance).isWaitingAt("actie-uitvoeren");
    assertThat(reviewTimer(instance).getDuedate()).isEqualTo(startOf(nextReview));

    // The next review comes round again: execution and review repeat until a decision ends them.
    engine.getManagementService().executeJob(reviewTimer(instance).getId());
    assertThat(instance).isWaitingAt("voortgang-beoordelen");
    complete(task(instance), withVariables("reviewBesluit", "planWijzigen",
        "redenBesluit", "Betrokkene is verhuisd; een andere partner moet de actie overnemen."));

    assertThat(instance).hasPassed("plan-wijzigen-gevraagd").isEnded();
    assertThat(historic(instance, "planGewijzigd")).isEqualTo(true);
    assertThat(historic(instance, "uitkomstActie")).isEqualTo("planWijzigen");
  }

  @Test
  void withoutAReviewDateTheFirstReviewFollowsTheStandardReviewTerm() {
    Step<ProcessInstance> accepted = dueDates.step(() -> executing(actie("jongerenwerker", false, null)));

    dueDates.assertDue(reviewTimer(accepted.result()).getDuedate(), "review", accepted);
  }

  @Test
  void opschalenGoesToTheBestuurlijkOverlegAndThenBackToTheReview() {
    ProcessInstance instance = executing(actie("jongerenwerker", false, inDays(30)));
    report(instance, "knelpunt");

    Step<Void> escalated = dueDates.step(() -> complete(task(instance), withVariables("reviewBesluit", "opschalen",
        "redenBesluit", "Betrokkene weigert contact; signalen van toenemend risico.")));

    assertThat(instance).isWaitingAt("bestuurlijk-overleg");
    Task overleg = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), overleg.getId())).containsExactly("burgemeester-leiden");
    dueDates.assertDue(overleg.getDueDate(), "bestuurlijk-overleg", escalated);
    complete(overleg, withVariables("uitkomstBestuurlijkOverleg",
        "Driehoek: wijkagent legt huisbezoek af; gebiedsverbod wordt voorbereid."));

    assertThat(instance).isWaitingAt("voortgang-beoordelen");
    assertThat(instance).variables().containsEntry("reviewBesluit", null).containsEntry("redenBesluit", null);
  }

  @Test
  void afschalenResumesExecutionWithAReasonAndTheNextReviewDate() {
    ProcessInstance instance = executing(actie("jongerenwerker", false, inDays(30)));
    report(instance, "loopt");
    LocalDate nextReview = inDays(90);

    complete(task(instance), withVariables("reviewBesluit", "afschalen",
        "redenBesluit", "Stabiel: werk gevonden, contact met de mentor loopt goed.",
        "volgendeReview", nextReview.toString()));

    assertThat(instance).isWaitingAt("actie-uitvoeren");
    assertThat(reviewTimer(instance).getDuedate()).isEqualTo(startOf(nextReview));
    assertThat(instance).variables().containsEntry("reviewBesluit", "afschalen");
  }

  @ParameterizedTest(name = "the review form refuses {0} without {1}")
  @CsvSource({
      "doorgaan, volgendeReview",
      "afschalen, volgendeReview",
      "afschalen, redenBesluit",
      "opschalen, redenBesluit",
      "planWijzigen, redenBesluit",
  })
  void theReviewFormRequiresTheReasonAndNextReviewDateItsDecisionNeeds(String besluit, String missing) {
    ProcessInstance instance = executing(actie("jongerenwerker", false, inDays(30)));
    report(instance, "loopt");
    Map<String, Object> review = new HashMap<>();
    review.put("reviewBesluit", besluit);
    review.put("redenBesluit", "Toelichting bij het besluit.");
    review.put("volgendeReview", inDays(60).toString());
    review.remove(missing);
    String taskId = task(instance).getId();

    FormRuleViolation refused = refusal(() -> engine.getTaskService().complete(taskId, review));

    assertThat(refused).hasMessageContaining(missing);
    assertThat(refused.fields()).containsExactly(missing);
    assertThat(instance).isWaitingAt("voortgang-beoordelen");
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(Map<String, Object> actie) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", "gemeente-leiden");
    variables.put("casusId", "IV-" + UUID.randomUUID());
    variables.put("actie", actie);
    return engine.getRuntimeService().startProcessInstanceByKey("interventie", variables);
  }

  /** One action as casusoverleg returns it in 'acties'. */
  private static Map<String, Object> actie(String rol, boolean kosten, LocalDate reviewDatum) {
    Map<String, Object> actie = new HashMap<>();
    actie.put("rol", rol);
    actie.put("doel", "Positief netwerk opbouwen.");
    actie.put("reviewDatum", reviewDatum == null ? null : reviewDatum.toString());
    actie.put("kosten", kosten);
    actie.put("omschrijving", "Mentortraject met wekelijkse gesprekken.");
    return actie;
  }

  private void accept(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("actie-accepteren");
    Map<String, Object> form = new HashMap<>();
    form.put("aanpakActie", "Kennismaking deze week, daarna wekelijks.");
    if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(instance.getId(), "actieKosten"))) {
      form.put("geschatteKosten", 2400);
    }
    complete(task(instance), form);
  }

  private void reject(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("budget-goedkeuren");
    complete(task(instance), withVariables("budgetBesluit", "afgewezen",
        "toelichtingBudget", "Budget voor dit jaar is op; zoek een goedkoper alternatief."));
  }

  private ProcessInstance executing(Map<String, Object> actie) {
    ProcessInstance instance = start(actie);
    accept(instance);
    assertThat(instance).isWaitingAt("actie-uitvoeren");
    return instance;
  }

  private void report(ProcessInstance instance, String status) {
    assertThat(instance).isWaitingAt("actie-uitvoeren");
    complete(task(instance), withVariables("statusUitvoering", status,
        "voortgang", "Drie gesprekken gevoerd; betrokkene komt afspraken na."));
  }

  private Job reviewTimer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().activityId("reviewmoment").singleResult();
  }

  private static LocalDate inDays(int days) {
    return LocalDate.now().plusDays(days);
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
