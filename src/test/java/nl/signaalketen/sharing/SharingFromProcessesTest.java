package nl.signaalketen.sharing;

import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.casefile.WeighingContributions;
import nl.signaalketen.formvalidation.FormRuleViolation;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The listener deelregister on the three tasks that share: a weging contribution, the melding that
 * leaves a school, the hand-over of a care need to the sociaal wijkteam. What it records, what it
 * refuses, and that a refused step leaves nothing behind.
 */
@IntegrationTest
class SharingFromProcessesTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  SharingRegister register;

  @Autowired
  WeighingContributions contributions;

  private final List<String> started = new ArrayList<>();

  @AfterEach
  void removeWhatThisTestStarted() {
    started.forEach(id -> engine.getRuntimeService()
        .deleteProcessInstanceIfExists(id, "Test afgerond", true, true, true, false));
  }

  @Test
  void aContributionWithoutBasisOrWithAnEmptyPurposeIsRefusedNamingTheFieldsAndRecordsNothing() {
    ProcessInstance weging = startWeging();
    Task politie = WegingCases.enrichmentTask(tasks(), weging, "politie-expert-radicalisering");
    Map<String, Object> values = contribution();
    values.remove("grondslag");
    values.put("doel", "");

    FormRuleViolation refused = refusal(() -> tasks().complete(politie.getId(), values));

    assertThat(refused.fields()).containsExactlyInAnyOrder("grondslag", "doel");
    assertThat(register.forCase(weging.getBusinessKey())).isEmpty();
  }

  @Test
  void aContributionTheFormRulesRefuseLeavesNoEntryAndNoContribution() {
    ProcessInstance weging = startWeging();
    Map<String, Object> values = contribution();
    values.remove("samenvatting"); // required by the form

    refusal(() -> tasks().complete(
        WegingCases.enrichmentTask(tasks(), weging, "officier-van-justitie").getId(), values));

    assertThat(register.forCase(weging.getBusinessKey())).isEmpty();
    assertThat(contributions.forWeging(weging.getId())).isEmpty();
  }

  @Test
  void aPartnerWithNothingToContributeSharesNothingButIsStillCollectedForTheWeighing() {
    ProcessInstance weging = startWeging();

    tasks().complete(WegingCases.enrichmentTask(tasks(), weging, "officier-van-justitie").getId(),
        WegingCases.nothingToContribute("Niet bekend bij het OM."));
    tasks().complete(WegingCases.enrichmentTask(tasks(), weging, "adviseur-radicalisering").getId(),
        contribution());

    assertThat(register.forCase(weging.getBusinessKey())).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("adviseur-radicalisering");
      assertThat(e.specialCategories()).isFalse();
      assertThat(e.personInformed()).isNull();
      assertThat(e.reasonNotInformed()).contains("Betrokkene informeren");
    });
    assertThat(contributions.forWeging(weging.getId())).hasSize(2);
  }

  @Test
  void theMeldingThatLeavesTheSchoolIsRecordedUnderTheCaseItBecame() {
    String signaal = "Leerling spreekt over 'de vijand' (" + UUID.randomUUID() + ").";
    // Started at the last step (InformatieDelenProcessTest walks the steps before it), with what
    // the start form and those steps leave in the process.
    Map<String, Object> earlierSteps = new HashMap<>(Map.of(
        "gemeente", "gemeente-leiden", "melderNaam", "Bart Peeters", "melderContact", "b.peeters@example.org",
        "melderOrganisatie", "Demo Lyceum Leiden", "zorg", "Een leerling trekt zich terug.",
        "signaal", signaal, "tegenindicaties", "Sport nog wekelijks."));
    earlierSteps.putAll(Map.of("collegaGeraadpleegd", "Aandachtsfunctionaris",
        "uitkomstCollegiaalOverleg", "Zelfde zorg.", "adviesGevraagdBij", "ess-platform-jep",
        "adviesZonderNaam", true, "adviesGekregen", "Ga in gesprek.", "vervolgNaAdvies", "verder",
        "gesprekMetBetrokkene", "nietGevoerd", "redenGeenGesprek", "Niet veilig.",
        "risicoNietDelen", "Verdere beïnvloeding.", "risicoWelDelen", "Minder vertrouwen."));
    earlierSteps.putAll(Map.of("besluitDelen", "zonderToestemming",
        "grondslagZonderToestemming", "conflictVanPlichten",
        "rechtvaardigingZonderToestemming", "Gevaar voor medeleerlingen.", "doelDelen", "Duiding door de gemeente.",
        "proportionaliteit", "Alleen de feiten over de dreiging.", "subsidiariteit", "Zelf oplossen kan niet."));
    ProcessInstance delen = engine.getRuntimeService().createProcessInstanceByKey("informatie-delen")
        .setVariables(earlierSteps).startBeforeActivity("delen-en-vastleggen").execute();
    started.add(delen.getId());
    step(delen, Map.of("betrokkeneNaam", "Demo Leerling", "signaal", signaal, "betrokkeneGeinformeerd", false,
        "redenNietGeinformeerd", "Informeren brengt een medeleerling in gevaar.", "acuutGevaar", false));

    String chain = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(delen.getId()).variableName("meldingCasus").singleResult().getValue();
    started.add(chain);
    String casus = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(chain)
        .singleResult().getBusinessKey();
    assertThat(casus).startsWith("SK-");
    assertThat(register.forCase(casus)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("melding");
      assertThat(e.legalBasis()).isEqualTo("conflict-van-plichten");
      assertThat(e.purpose()).isEqualTo("Duiding door de gemeente.");
      assertThat(e.from()).isEqualTo("aandachtsfunctionaris-school (Demo Lyceum Leiden)");
      assertThat(e.to()).isEqualTo("meldpunt gemeente-leiden");
      assertThat(e.dataCategories()).isEqualTo("naam van de betrokkene; signalen (feiten); tegenindicaties; "
          + "ontvangen advies; naam en bereikbaarheid van de melder");
      assertThat(e.personInformed()).isFalse();
      assertThat(e.reasonNotInformed()).isEqualTo("Informeren brengt een medeleerling in gevaar.");
      assertThat(e.toString()).doesNotContain(signaal).doesNotContain("Demo Leerling");
    });
  }

  @Test
  void theHandOverOfACareNeedToTheSociaalWijkteamIsRecordedWithTheAdviseursJustification() {
    String casus = startAtHandOver();

    step(handOver, Map.of("zorgvraag", "Gezin zoekt hulp bij schulden.", "doelOverdracht", "Zorg overnemen.",
        "grondslagOverdracht", "wettelijke-plicht", "proportionaliteitOverdracht", "Alleen persoon en zorgvraag.",
        "subsidiariteitOverdracht", "Het gezin vraagt niet zelf om hulp.", "betrokkeneGeinformeerd", false,
        "redenNietGeinformeerd", "Moeder wordt bij de intake door het wijkteam geïnformeerd."));

    assertThat(register.forCase(casus)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("overdracht-zorg");
      assertThat(e.from()).isEqualTo("adviseur-radicalisering (gemeente-leiden)");
      assertThat(e.to()).isEqualTo("sociaal wijkteam (gemeente-leiden)");
      assertThat(e.purpose()).isEqualTo("Zorg overnemen.");
      assertThat(e.legalBasis()).isEqualTo("wettelijke-plicht");
      assertThat(e.proportionality()).isEqualTo("Alleen persoon en zorgvraag.");
      assertThat(e.dataCategories()).isEqualTo("naam van de betrokkene; geboortedatum; zorgvraag");
      assertThat(e.personInformed()).isFalse();
      assertThat(e.reasonNotInformed()).isEqualTo("Moeder wordt bij de intake door het wijkteam geïnformeerd.");
    });
  }

  @Test
  void aHandOverWithoutBasisOrPurposeIsRefusedNamingTheFieldsAndNothingReachesTheWijkteam() {
    String casus = startAtHandOver();

    FormRuleViolation refused = refusal(() -> step(handOver, Map.of("zorgvraag", "Hulp bij schulden.",
        "proportionaliteitOverdracht", "Alleen persoon en zorgvraag.", "subsidiariteitOverdracht", "Niet anders.",
        "betrokkeneGeinformeerd", true)));

    assertThat(refused.fields()).containsExactlyInAnyOrder("grondslagOverdracht", "doelOverdracht");
    assertThat(register.forCase(casus)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(handOver.getId())
        .count()).isZero();
  }

  private ProcessInstance handOver;

  /** A melding whose duiding found a care need and no radicalisation; returns its case. */
  private String startAtHandOver() {
    handOver = Cases.startAtDuiding(engine.getRuntimeService(), "gemeente-leiden");
    started.add(handOver.getId());
    Map<String, Object> duiding = Cases.duiding(true, false, true);
    duiding.put("zorgvraag", "Gezin zoekt hulp bij schulden.");
    step(handOver, duiding);
    return (String) engine.getRuntimeService().getVariable(handOver.getId(), "casusId");
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private void step(ProcessInstance instance, Map<String, Object> values) {
    tasks().complete(Cases.openTask(tasks(), instance).getId(), values);
  }

  /** A Leiden weging (no minor, no detention): the weegploeg each get "Informatie aanleveren". */
  private ProcessInstance startWeging() {
    ProcessInstance weging = WegingCases.start(engine.getRuntimeService(), "gemeente-leiden", false, false);
    started.add(weging.getId());
    return weging;
  }

  /** A contribution without special-category data. */
  private static Map<String, Object> contribution() {
    return WegingCases.contribution("Bekend bij de gemeente.", null);
  }
}
