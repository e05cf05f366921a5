package nl.signaalketen.process;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.casefile.WeighingContributions;
import nl.signaalketen.casefile.WeighingContributions.Contribution;
import nl.signaalketen.deadlines.Limits;
import nl.signaalketen.formvalidation.FormRuleViolation;
import nl.signaalketen.testsupport.DueDates;
import nl.signaalketen.testsupport.DueDates.Step;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/weging.bpmn: partners from the decision table, enrichment by each partner,
 * the joint weighing and what it refuses, and the four outcomes, with the demo network deciding
 * who gets each task.
 */
@IntegrationTest
class WegingProcessTest {

  private static final String GEMEENTE = "gemeente-leiden";
  private static final List<String> WEEGPLOEG =
      List.of("adviseur-radicalisering", "politie-expert-radicalisering", "officier-van-justitie");

  @Autowired
  ProcessEngine engine;

  @Autowired
  Limits limits;

  @Autowired
  WeighingContributions contributions;

  @Autowired
  DueDates dueDates;

  TaskService tasks;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    tasks = engine.getTaskService();
  }

  // --- partners and enrichment ------------------------------------------------------------------

  @Test
  void asksTheWeegploegForInformationAndOffersEachTaskToThatPartner() {
    Step<ProcessInstance> started = dueDates.step(() -> start(false, false));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("informatie-aanleveren").hasPassed("partners-bepalen");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "partners")).isEqualTo(WEEGPLOEG);
    Map<String, List<String>> offeredTo = new HashMap<>();
    for (Task task : enrichmentTasks(instance)) {
      offeredTo.put(partnerOf(task), candidateUsers(tasks, task.getId()));
      dueDates.assertDue(task.getDueDate(), "verrijking", started);
    }
    assertThat(offeredTo).containsOnly(
        Map.entry("adviseur-radicalisering", List.of("adviseur-leiden")),
        Map.entry("politie-expert-radicalisering", List.of("politie-expert-hm")),
        Map.entry("officier-van-justitie", List.of("ovj-hm")));
  }

  @Test
  void asksTheRaadAndTheReclasseringTooForAMinorUnderSupervision() {
    ProcessInstance instance = start(true, true);

    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "partners"))
        .isEqualTo(List.of("adviseur-radicalisering", "politie-expert-radicalisering",
            "officier-van-justitie", "raadsonderzoeker", "reclassering-ter"));
    Map<String, List<String>> offeredTo = new HashMap<>();
    enrichmentTasks(instance).forEach(t -> offeredTo.put(partnerOf(t), candidateUsers(tasks, t.getId())));
    assertThat(offeredTo).containsEntry("raadsonderzoeker", List.of("rvdk-hm"))
        .containsEntry("reclassering-ter", List.of("reclassering-hm")).hasSize(5);
  }

  @Test
  void treatsMissingMinorAndDetentionFlagsAsNo() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", GEMEENTE);
    variables.put("casusId", "SK-TEST-ONBEKEND");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("weging", variables);

    assertThat(enrichmentTasks(instance)).hasSize(3);
    assertThat(instance).variables().containsEntry("minderjarig", false).containsEntry("detentieOfToezicht", false);
  }

  @Test
  void collectsEveryContributionIncludingAPartnerWithNothingToContribute() {
    ProcessInstance instance = start(false, false);

    completeEnrichment(instance, Map.of("officier-van-justitie", "Betrokkene is bij het OM niet bekend."));

    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
    List<Contribution> bijdragen = contributions.forWeging(instance.getId());
    assertThat(bijdragen).hasSize(3).extracting(Contribution::partnerRole)
        .containsExactlyInAnyOrderElementsOf(WEEGPLOEG);
    Contribution om = bijdragen.stream().filter(b -> "officier-van-justitie".equals(b.partnerRole()))
        .findFirst().orElseThrow();
    assertThat(om.contributes()).isFalse();
    assertThat(om.reasonNone()).isEqualTo("Betrokkene is bij het OM niet bekend.");
    assertThat(om.summary()).isNull();
    assertThat(om.roundNo()).isEqualTo(1);
    Contribution politie = bijdragen.stream()
        .filter(b -> "politie-expert-radicalisering".equals(b.partnerRole())).findFirst().orElseThrow();
    assertThat(politie.contributes()).isTrue();
    assertThat(politie.legalBasis()).isEqualTo("wet-pga");
    assertThat(politie.specialCategories()).isTrue();
    assertThat(politie.summary()).isEqualTo("Samenvatting van politie-expert-radicalisering");
    assertThat(politie.sharedBy()).isNotBlank();
    assertThat(politie.sharedAt()).isNotNull();
    String overzicht = (String) tasks.getVariable(task(instance).getId(), "bijdragenOverzicht");
    assertThat(overzicht)
        .contains("Ronde 1 - politie-expert-radicalisering\nGedeeld: Samenvatting van politie-expert-radicalisering")
        .contains("Grondslag: wet-pga").contains("Bijzondere persoonsgegevens: ja, strafrechtelijke gegevens")
        .contains("Ronde 1 - officier-van-justitie\nNiets bij te dragen: Betrokkene is bij het OM niet bekend.");
    // Neither the form fields nor the overview reach the process itself, where every task would see them.
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("samenvatting", "grondslag", "redenGeenBijdrage", "bijdrage", "bijdragen",
            "bijdragenOverzicht");
  }

  @Test
  void refusesAContributionWithoutLegalBasis() {
    ProcessInstance instance = start(false, false);
    Task politie = WegingCases.enrichmentTask(tasks, instance, "politie-expert-radicalisering");
    Map<String, Object> zonderGrondslag = contribution("politie-expert-radicalisering");
    zonderGrondslag.remove("grondslag");

    assertThat(refusal(() -> tasks.complete(politie.getId(), zonderGrondslag)))
        .satisfies(e -> assertThat(e.fields()).containsExactly("grondslag"));
    assertThat(enrichmentTasks(instance)).hasSize(3);
  }

  // --- the joint weighing and what it refuses ---------------------------------------------------

  @Test
  void offersTheJointWeighingToTheChairOfTheWeegploeg() {
    ProcessInstance instance = start(false, false);
    Step<Void> enriched = dueDates.step(() -> completeEnrichment(instance, Map.of()));

    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
    Task weging = task(instance);
    assertThat(weging.getTaskDefinitionKey()).isEqualTo("gezamenlijk-wegen");
    assertThat(candidateUsers(tasks, weging.getId())).containsExactly("voorzitter-hm");
    dueDates.assertDue(weging.getDueDate(), "weging", enriched);
    assertThat(instance).variables().containsEntry("meerInformatieMogelijk", true);
  }

  @Test
  void refusesTheJointWeighingWhenThePoliceInputIsMissingWithoutAReason() {
    ProcessInstance instance = startAtWeighing();
    Task weging = task(instance);
    Map<String, Object> zonderPolitie = weighing("geenActie");
    zonderPolitie.remove("inbrengPolitie");

    assertThat(refusal(() -> tasks.complete(weging.getId(), zonderPolitie)))
        .hasMessageContaining("politie")
        .satisfies(e -> assertThat(e.fields()).containsExactly("inbrengPolitie"));

    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
    assertThat(tasks.createTaskQuery().taskId(weging.getId()).singleResult()).isNotNull();
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("uitkomstWeging");
  }

  @Test
  void refusesTheJointWeighingWithoutAnyPartnerInput() {
    ProcessInstance instance = startAtWeighing();
    Task weging = task(instance);
    Map<String, Object> alleenBesluit = new HashMap<>(Map.of("uitkomstWeging", "geenActie",
        "toelichtingWeging", "Geen zorgen.", "toelichtingCriteria", "Niet van toepassing."));

    assertThat(refusal(() -> tasks.complete(weging.getId(), alleenBesluit)))
        .satisfies(e -> assertThat(e.fields()).containsExactly("inbrengGemeente"));
    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
  }

  @Test
  void acceptsAMissingPartnerInputWhenTheReasonIsRecorded() {
    ProcessInstance instance = startAtWeighing();
    Map<String, Object> omAfwezig = weighing("geenActie");
    omAfwezig.remove("inbrengOm");
    omAfwezig.put("redenGeenInbrengOm", "Officier verhinderd; heeft schriftelijk laten weten geen strafrechtelijk belang te zien.");

    complete(task(instance), omAfwezig);

    assertThat(instance).hasPassed("weging-geen-actie").isEnded();
  }

  @Test
  void refusesTheJointWeighingWithoutReasonsForTheDecision() {
    ProcessInstance instance = startAtWeighing();
    Task weging = task(instance);
    Map<String, Object> zonderRedenen = weighing("geenActie");
    zonderRedenen.put("toelichtingWeging", "  ");

    assertThat(refusal(() -> tasks.complete(weging.getId(), zonderRedenen)))
        .hasMessageContaining("Redenen van het besluit")
        .satisfies(e -> assertThat(e.fields()).containsExactly("toelichtingWeging"));
    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
  }

  @Test
  void refusesAPgaWhenTheZvhAdmissionCriteriaAreNotMet() {
    ProcessInstance instance = startAtWeighing();
    Task weging = task(instance);
    Map<String, Object> pga = weighing("pga");
    pga.put("meerdereLeefgebieden", true);
    pga.put("ketenoverstijgendeSamenwerking", true);
    pga.put("impactOpGezin", false);

    assertThat(refusal(() -> tasks.complete(weging.getId(), pga)))
        .hasMessageContaining("persoonsgerichte aanpak")
        .hasMessageContaining("geen impact op gezin of sociaal systeem")
        .satisfies(e -> assertThat(e.fields()).containsExactly("uitkomstWeging"));
    assertThat(instance).isWaitingAt("gezamenlijk-wegen");

    // The weegploeg records the impact on the family after all: now admissible.
    pga.put("impactOpGezin", true);
    complete(task(instance), pga);
    assertThat(instance).isWaitingAt("betrokkene-informeren");
  }

  // --- outcomes -----------------------------------------------------------------------------------

  @Test
  void endsWithoutActionWhenTheWeegploegSeesNoReasonToAct() {
    ProcessInstance instance = startAtWeighing();

    complete(task(instance), weighing("geenActie"));

    assertThat(instance).hasPassed("toelatingscriteria-toetsen", "uitkomst-weging", "weging-geen-actie")
        .isEnded();
    assertThat(historic(instance, "uitkomstWeging")).isEqualTo("geenActie");
    @SuppressWarnings("unchecked")
    Map<String, Object> toelating = (Map<String, Object>) historic(instance, "toelating");
    assertThat(toelating).containsEntry("toelaatbaar", false);
  }

  @Test
  void informsThePersonAfterAPgaAndEndsWithPga() {
    ProcessInstance instance = startAtWeighing();

    Step<Void> weighed = dueDates.step(() -> complete(task(instance), admissiblePga(false)));

    assertThat(instance).isWaitingAt("betrokkene-informeren");
    Task informeren = task(instance);
    assertThat(candidateUsers(tasks, informeren.getId())).containsExactly("adviseur-leiden");
    dueDates.assertDue(informeren.getDueDate(), "betrokkene-informeren", weighed);
    complete(informeren, withVariables("betrokkeneGeinformeerd", true, "datumGeinformeerd", "2026-11-20"));

    assertThat(instance).hasPassed("pga-splitsen", "ook-strafrechtelijk", "strafrechtelijk-naast-pga-samenvoegen", "pga-samenvoegen", "weging-pga")
        .hasNotPassed("strafrechtelijk-onderzoek-naast-pga").isEnded();
    assertThat(historic(instance, "uitkomstWeging")).isEqualTo("pga");
    @SuppressWarnings("unchecked")
    Map<String, Object> toelating = (Map<String, Object>) historic(instance, "toelating");
    assertThat(toelating).containsEntry("toelaatbaar", true);
  }

  @Test
  void admitsAPgaOnASeriousLocalSafetyProblemAlone() {
    ProcessInstance instance = startAtWeighing();
    Map<String, Object> pga = weighing("pga");
    pga.put("ernstigVeiligheidsprobleem", true);

    complete(task(instance), pga);

    assertThat(instance).isWaitingAt("betrokkene-informeren");
  }

  @Test
  void refusesNotInformingThePersonWithoutAReason() {
    ProcessInstance instance = startAtWeighing();
    complete(task(instance), admissiblePga(false));
    Task informeren = task(instance);

    assertThat(refusal(() -> tasks.complete(informeren.getId(), Map.of("betrokkeneGeinformeerd", false))))
        .satisfies(e -> assertThat(e.fields())
            .containsExactly("redenNietGeinformeerd", "toelichtingNietGeinformeerd"));
    assertThat(instance).isWaitingAt("betrokkene-informeren");

    complete(informeren, withVariables("betrokkeneGeinformeerd", false,
        "redenNietGeinformeerd", "veiligheid",
        "toelichtingNietGeinformeerd", "Dreiging richting de melder; over drie maanden opnieuw bekijken."));
    assertThat(instance).hasPassed("weging-pga").isEnded();
  }

  @Test
  void runsTheOmDecisionBesideThePgaWhenACriminalInvestigationIsAlsoNeeded() {
    ProcessInstance instance = startAtWeighing();

    complete(task(instance), admissiblePga(true));

    assertThat(instance).isWaitingAt("betrokkene-informeren", "strafrechtelijk-onderzoek-naast-pga");
    Task om = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("strafrechtelijk-onderzoek-naast-pga").singleResult();
    assertThat(candidateUsers(tasks, om.getId())).containsExactly("ovj-hm");
    complete(om, withVariables("strafrechtelijkBesluit", "onderzoekStarten",
        "toelichtingStrafrechtelijk", "Verdenking voorbereiding terroristisch misdrijf.",
        "afsprakenMetPga", "Betrokkene pas na de eerste verhoren informeren."));
    assertThat(instance).isWaitingAt("betrokkene-informeren");
    complete(task(instance), withVariables("betrokkeneGeinformeerd", false,
        "redenNietGeinformeerd", "lopendStrafrechtelijkOnderzoek",
        "toelichtingNietGeinformeerd", "Op verzoek van het OM tot na de eerste verhoren."));

    assertThat(instance).hasPassed("ook-strafrechtelijk", "strafrechtelijk-onderzoek-naast-pga",
        "strafrechtelijk-naast-pga-samenvoegen", "pga-samenvoegen", "weging-pga").isEnded();
    assertThat(historic(instance, "uitkomstWeging")).isEqualTo("pga");
  }

  @Test
  void handsACriminalCaseToTheOfficierVanJustitie() {
    ProcessInstance instance = startAtWeighing();

    Step<Void> weighed = dueDates.step(() -> complete(task(instance), weighing("strafrechtelijk")));

    assertThat(instance).isWaitingAt("strafrechtelijk-besluit");
    Task om = task(instance);
    assertThat(candidateUsers(tasks, om.getId())).containsExactly("ovj-hm");
    dueDates.assertDue(om.getDueDate(), "strafrechtelijk-besluit", weighed);
    complete(om, withVariables("strafrechtelijkBesluit", "lopendOnderzoek",
        "toelichtingStrafrechtelijk", "Betrokkene is verdachte in een lopend onderzoek."));

    assertThat(instance).hasPassed("strafrechtelijk-besluit", "weging-strafrechtelijk").isEnded();
    assertThat(historic(instance, "uitkomstWeging")).isEqualTo("strafrechtelijk");
  }

  // --- more information, bounded ------------------------------------------------------------------

  @Test
  void asksEveryPartnerAgainWhenMoreInformationIsNeeded() {
    ProcessInstance instance = startAtWeighing();
    Map<String, Object> meer = weighing("meerInformatie");
    meer.put("vraagMeerInformatie", "Politie: zijn er contacten met bekende ronselaars?");

    complete(task(instance), meer);

    assertThat(instance).isWaitingAt("informatie-aanleveren");
    assertThat(instance).variables().containsEntry("meerInformatieRondes", 1L);
    assertThat(enrichmentTasks(instance)).hasSize(3);
    assertThat(tasks.getVariable(enrichmentTasks(instance).get(0).getId(), "vraagMeerInformatie"))
        .isEqualTo("Politie: zijn er contacten met bekende ronselaars?");
    assertThat(tasks.getVariable(enrichmentTasks(instance).get(0).getId(), "samenvatting")).isNull();
    completeEnrichment(instance, Map.of());

    assertThat(contributions.forWeging(instance.getId())).hasSize(6).extracting(Contribution::roundNo)
        .containsOnly(1, 2);
    assertThat((String) tasks.getVariable(task(instance).getId(), "bijdragenOverzicht"))
        .contains("Ronde 1 - adviseur-radicalisering").contains("Ronde 2 - adviseur-radicalisering");
    complete(task(instance), weighing("geenActie"));
    assertThat(instance).isEnded();
  }

  @Test
  void refusesMoreInformationOnceTheRoundsAreUsedUp() {
    int rounds = limits.rounds("weging");
    ProcessInstance instance = startAtWeighing();
    Map<String, Object> meer = weighing("meerInformatie");
    meer.put("vraagMeerInformatie", "Nog onduidelijk of er een netwerk achter zit.");
    for (int round = 1; round <= rounds; round++) {
      complete(task(instance), meer);
      completeEnrichment(instance, Map.of());
    }
    assertThat(instance).variables().containsEntry("meerInformatieRondes", (long) rounds)
        .containsEntry("meerInformatieMogelijk", false);
    Task weging = task(instance);

    assertThat(refusal(() -> tasks.complete(weging.getId(), meer)))
        .hasMessageContaining("maximum aantal informatierondes")
        .satisfies(e -> assertThat(e.fields()).containsExactly("uitkomstWeging"));
    assertThat(instance).isWaitingAt("gezamenlijk-wegen");

    complete(weging, weighing("geenActie"));
    assertThat(instance).hasPassed("weging-geen-actie").isEnded();
  }

  // --- helpers --------------------------------------------------------------------------------------

  private ProcessInstance start(boolean minderjarig, boolean detentieOfToezicht) {
    return WegingCases.start(engine.getRuntimeService(), GEMEENTE, minderjarig, detentieOfToezicht);
  }

  /** The weegploeg has contributed; the chair's task is open. */
  private ProcessInstance startAtWeighing() {
    ProcessInstance instance = start(false, false);
    completeEnrichment(instance, Map.of());
    assertThat(instance).isWaitingAt("gezamenlijk-wegen");
    return instance;
  }

  private List<Task> enrichmentTasks(ProcessInstance instance) {
    return WegingCases.enrichmentTasks(tasks, instance);
  }

  private String partnerOf(Task task) {
    return WegingCases.partnerOf(tasks, task);
  }

  /** Every partner shares information, except those given a reason for having nothing. */
  private void completeEnrichment(ProcessInstance instance, Map<String, String> nothingToContribute) {
    for (Task task : enrichmentTasks(instance)) {
      String partner = partnerOf(task);
      Map<String, Object> values = nothingToContribute.containsKey(partner)
          ? WegingCases.nothingToContribute(nothingToContribute.get(partner))
          : contribution(partner);
      tasks.complete(task.getId(), values);
    }
  }

  /** The police shares criminal data; the other partners nothing special. */
  private static Map<String, Object> contribution(String partner) {
    return WegingCases.contribution("Samenvatting van " + partner,
        "politie-expert-radicalisering".equals(partner) ? "strafrechtelijke gegevens" : null);
  }

  private static Map<String, Object> weighing(String uitkomst) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("inbrengGemeente", "Gemeente: zorgen over isolement en online contacten.");
    values.put("inbrengPolitie", "Politie: twee incidenten, geen strafbare feiten.");
    values.put("inbrengOm", "OM: geen lopend onderzoek.");
    values.put("meerdereLeefgebieden", false);
    values.put("ketenoverstijgendeSamenwerking", false);
    values.put("impactOpGezin", false);
    values.put("ernstigVeiligheidsprobleem", false);
    values.put("toelichtingCriteria", "Afgewogen per criterium in het overleg.");
    values.put("uitkomstWeging", uitkomst);
    values.put("toelichtingWeging", "Besluit van de weegploeg op grond van de inbreng van alle partners.");
    return values;
  }

  private static Map<String, Object> admissiblePga(boolean ookStrafrechtelijk) {
    Map<String, Object> values = weighing("pga");
    values.put("meerdereLeefgebieden", true);
    values.put("ketenoverstijgendeSamenwerking", true);
    values.put("impactOpGezin", true);
    values.put("ookStrafrechtelijk", ookStrafrechtelijk);
    return values;
  }
}
