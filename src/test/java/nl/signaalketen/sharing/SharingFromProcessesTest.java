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
    String casus = startWeging();
    Task politie = enrichmentTask(casus, "politie-expert-radicalisering");
    Map<String, Object> values = contribution();
    values.remove("grondslag");
    values.put("doel", "");

    FormRuleViolation refused = refusal(() -> tasks().complete(politie.getId(), values));

    assertThat(refused.fields()).containsExactlyInAnyOrder("grondslag", "doel");
    assertThat(register.forCase(casus)).isEmpty();
  }

  @Test
  void aContributionTheFormRulesRefuseLeavesNoEntryAndNoContribution() {
    String casus = startWeging();
    Map<String, Object> values = contribution();
    values.remove("samenvatting"); // required by the form

    refusal(() -> tasks().complete(enrichmentTask(casus, "officier-van-justitie").getId(), values));

    assertThat(register.forCase(casus)).isEmpty();
    assertThat(contributions.forWeging(started.get(0))).isEmpty();
  }

  @Test
  void aPartnerWithNothingToContributeSharesNothingButIsStillCollectedForTheWeighing() {
    String casus = startWeging();

    tasks().complete(enrichmentTask(casus, "officier-van-justitie").getId(),
        Map.of("bijdrage", "geenInformatie", "redenGeenBijdrage", "Niet bekend bij het OM."));
    tasks().complete(enrichmentTask(casus, "adviseur-radicalisering").getId(), contribution());

    assertThat(register.forCase(casus)).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("adviseur-radicalisering");
      assertThat(e.specialCategories()).isFalse();
      assertThat(e.personInformed()).isNull();
      assertThat(e.reasonNotInformed()).contains("Betrokkene informeren");
    });
    assertThat(contributions.forWeging(started.get(0))).hasSize(2);
  }

  @Test
  void theMeldingThatLeavesTheSchoolIsRecordedUnderTheCaseItBecame() {
    String signaal = "Leerling spreekt over 'de vijand' (" + UUID.randomUUID() + ").";
    ProcessInstance delen = engine.getRuntimeService().startProcessInstanceByKey("informatie-delen", Map.of(
        "gemeente", "gemeente-leiden", "melderNaam", "Bart Peeters", "melderContact", "b.peeters@example.org",
        "melderOrganisatie", "Demo Lyceum Leiden", "zorg", "Een leerling trekt zich terug."));
    started.add(delen.getId());
    step(delen, Map.of("signaal", signaal, "tegenindicaties", "Sport nog wekelijks."));
    step(delen, Map.of("collegaGeraadpleegd", "Aandachtsfunctionaris", "uitkomstCollegiaalOverleg", "Zelfde zorg."));
    step(delen, Map.of("adviesGevraagdBij", "ess-platform-jep", "adviesZonderNaam", true,
        "adviesGekregen", "Ga in gesprek.", "vervolgNaAdvies", "verder"));
    step(delen, Map.of("gesprekMetBetrokkene", "nietGevoerd", "redenGeenGesprek", "Niet veilig."));
    step(delen, Map.of("risicoNietDelen", "Verdere beïnvloeding.", "risicoWelDelen", "Minder vertrouwen."));
    step(delen, Map.of("besluitDelen", "zonderToestemming", "grondslagZonderToestemming", "conflictVanPlichten",
        "rechtvaardigingZonderToestemming", "Gevaar voor medeleerlingen.", "doelDelen", "Duiding door de gemeente.",
        "proportionaliteit", "Alleen de feiten over de dreiging.", "subsidiariteit", "Zelf oplossen kan niet."));
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
      assertThat(e.dataCategories()).contains("naam van de betrokkene", "signalen (feiten)", "tegenindicaties");
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

    assertThat(refused.fields()).contains("grondslagOverdracht", "doelOverdracht");
    assertThat(register.forCase(casus)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(handOver.getId())
        .count()).isZero();
  }

  private ProcessInstance handOver;

  /** A melding whose duiding found a care need and no radicalisation; returns its case. */
  private String startAtHandOver() {
    handOver = Cases.startAtDuiding(engine.getRuntimeService(), "gemeente-leiden");
    started.add(handOver.getId());
    Map<String, Object> duiding = new HashMap<>(Map.of("melderTeruggebeld", false, "informatieToereikend", true,
        "mogelijkeRadicalisering", false, "zorgbehoefte", true, "detentieOfToezicht", false, "schoolgaand", true,
        "toelichtingDuiding", "Geen aanwijzingen voor radicalisering, wel zorgen thuis."));
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

  private String startWeging() {
    String casus = "SK-TEST-DEEL-" + System.nanoTime();
    Map<String, Object> variables = new HashMap<>(Map.of("gemeente", "gemeente-leiden", "casusId", casus,
        "signaal", "Deelt filmpjes.", "minderjarig", false, "detentieOfToezicht", false));
    started.add(engine.getRuntimeService().startProcessInstanceByKey("weging", casus, variables).getId());
    return casus;
  }

  private Task enrichmentTask(String casus, String partner) {
    return tasks().createTaskQuery().processInstanceBusinessKey(casus).taskDefinitionKey("informatie-aanleveren")
        .list().stream().filter(t -> partner.equals(tasks().getVariable(t.getId(), "partnerRol")))
        .findFirst().orElseThrow();
  }

  private static Map<String, Object> contribution() {
    Map<String, Object> values = new HashMap<>();
    values.put("bijdrage", "informatie");
    values.put("samenvatting", "Bekend bij de gemeente.");
    values.put("doel", "Gezamenlijke risicotaxatie.");
    values.put("grondslag", "wet-pga");
    values.put("proportionaliteit", "Alleen wat het risico bepaalt.");
    values.put("subsidiariteit", "Anders kan de weegploeg niet wegen.");
    values.put("bijzondereGegevens", false);
    return values;
  }
}
