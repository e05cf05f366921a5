package nl.signaalketen.process;

import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static nl.signaalketen.testsupport.ProcessTests.historic;
import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.testsupport.DueDates;
import nl.signaalketen.testsupport.DueDates.Step;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/informatie-delen.bpmn (phase 0, the Werkwijze informatie delen): each
 * step done before anything leaves the organisation, the bounded loop after advice, the three
 * decisions, and the real {@code meldingIndienen} starting the chain at the gemeente's meldpunt.
 */
@IntegrationTest
class InformatieDelenProcessTest {

  private static final String[] ALL_STEPS = {"signalen-in-kaart-brengen", "collega-raadplegen",
      "advies-vragen", "gesprek-met-betrokkene", "risicos-afwegen", "besluit-delen"};

  @Autowired
  ProcessEngine engine;

  @Autowired
  DueDates dueDates;

  /** Instances this test started; removed afterwards so no open task outlives the test. */
  private final List<String> started = new ArrayList<>();

  /** Unique per test, so the chain case a test started can be recognised among all others. */
  private String signaal;
  private String betrokkene;

  @AfterEach
  void removeWhatThisTestStarted() {
    started.forEach(id -> engine.getRuntimeService()
        .deleteProcessInstanceIfExists(id, "Test afgerond", true, true, true, false));
  }

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    signaal = "Leerling toont in de les filmpjes die geweld verheerlijken (" + unique + ").";
    betrokkene = "Demo Leerling " + unique;
  }

  // --- the flow --------------------------------------------------------------------------------

  @Test
  void offersTheFirstStepWithADeadlineToTheAandachtsfunctionarisOfTheChosenGemeente() {
    Step<ProcessInstance> started = dueDates.step(() -> start("gemeente-leiden"));
    ProcessInstance instance = started.result();

    assertThat(instance).isWaitingAt("signalen-in-kaart-brengen");
    Task task = task(instance);
    assertThat(candidateUsers(engine.getTaskService(), task.getId())).containsExactly("school-leiden");
    dueDates.assertDue(task.getDueDate(), "informatie-delen-stap", started);
  }

  @Test
  void sharesWithConsentOnlyAfterEveryStepAndStartsTheChainAtTheGemeentesMeldpunt() {
    ProcessInstance instance = atDecision();

    decide(instance, Map.of("besluitDelen", "metToestemming",
        "toestemming", "Leerling (17) en ouders gaven op 3 maart mondeling toestemming.",
        "doelDelen", "Duiding door de adviseur radicalisering.",
        "proportionaliteit", "Alleen de feiten uit de les, geen schoolresultaten.",
        "subsidiariteit", "School kan de ideologische component niet zelf beoordelen."));
    assertThat(instance).isWaitingAt("delen-en-vastleggen");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("signaalketen")
        .variableValueEquals("signaal", signaal).count())
        .as("nothing leaves the organisation before the share is documented").isZero();

    shareAndDocument(instance, true);

    assertThat(instance).hasPassed(ALL_STEPS).hasPassed("delen-en-vastleggen", "melding-indienen", "melding-gedaan")
        .hasNotPassed("besluit-niet-delen").isEnded();
    assertThat(historic(instance, "uitkomstInformatieDelen")).isEqualTo("gedeeld");
    assertChainStartedFor(instance, "gemeente-leiden");
  }

  @Test
  void sharesWithoutConsentOnAConflictOfDutiesWhenTalkingToThePersonIsUnsafe() {
    ProcessInstance instance = start("gemeente-leiden");

    mapSignals(instance);
    consultColleague(instance);
    askAdvice(instance, "verder");
    complete(task(instance), withVariables("gesprekMetBetrokkene", "nietGevoerd",
        "redenGeenGesprek", "Leerling dreigde een medeleerling die hem zou 'verraden'."));
    weighRisks(instance);
    decide(instance, Map.of("besluitDelen", "zonderToestemming",
        "grondslagZonderToestemming", "conflictVanPlichten",
        "rechtvaardigingZonderToestemming", "Ernstig gevaar voor medeleerlingen weegt zwaarder dan de geheimhouding.",
        "doelDelen", "Duiding en zo nodig weging.",
        "proportionaliteit", "Alleen de feiten over de dreiging.",
        "subsidiariteit", "Een gesprek is niet veilig; zelf oplossen kan niet."));
    shareAndDocument(instance, false);

    assertThat(instance).hasPassed(ALL_STEPS).hasPassed("melding-indienen", "melding-gedaan").isEnded();
    assertThat(historic(instance, "grondslagZonderToestemming")).isEqualTo("conflictVanPlichten");
    assertThat(historic(instance, "redenNietGeinformeerd")).isNotNull();
    assertChainStartedFor(instance, "gemeente-leiden");
  }

  @Test
  void recordsADecisionNotToShareWithItsReasonAndReportsNothing() {
    ProcessInstance instance = atDecision();

    decide(instance, Map.of("besluitDelen", "nietDelen",
        "redenNietDelen", "In het gesprek bleek het om een schoolopdracht te gaan; de mentor volgt het."));

    assertThat(instance).hasPassed(ALL_STEPS).hasPassed("besluit-niet-delen")
        .hasNotPassed("delen-en-vastleggen", "melding-indienen").isEnded();
    assertThat(historic(instance, "uitkomstInformatieDelen")).isEqualTo("nietGedeeld");
    assertThat(historic(instance, "redenNietDelen")).asString().contains("schoolopdracht");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("signaalketen")
        .variableValueEquals("signaal", signaal).count()).as("no melding").isZero();
  }

  @Test
  void mapsTheSignalsAgainAfterAdviceButNoMoreOftenThanTheLimitAllows() {
    ProcessInstance instance = start("gemeente-leiden");
    int limit = ((Number) engine.getRuntimeService().getVariable(instance.getId(), "maxKaartRondes")).intValue();
    assertThat(limit).as("limits.rounds('informatie')").isEqualTo(2);

    mapSignals(instance);
    consultColleague(instance);
    askAdvice(instance, "opnieuwInKaart");

    assertThat(instance).isWaitingAt("signalen-in-kaart-brengen");
    assertThat(rounds(instance)).isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "vervolgNaAdvies"))
        .as("the earlier choice is kept until the next advice").isEqualTo("opnieuwInKaart");

    mapSignals(instance);
    consultColleague(instance);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "vervolgNaAdvies"))
        .as("cleared, so the form asks again").isNull();
    // The form hides the choice at the limit; a client that sends it anyway still goes on.
    askAdvice(instance, "opnieuwInKaart");

    assertThat(instance).isWaitingAt("gesprek-met-betrokkene");
    assertThat(rounds(instance)).isEqualTo(limit);
  }

  @Test
  void goesOnToTheTalkWhenTheChoiceIsHiddenAtTheLimit() {
    ProcessInstance instance = start("gemeente-leiden");
    mapSignals(instance);
    consultColleague(instance);
    askAdvice(instance, "opnieuwInKaart");
    mapSignals(instance);
    consultColleague(instance);

    Map<String, Object> advice = adviceVariables();
    complete(task(instance), advice); // no vervolgNaAdvies: hidden at the limit, so not required

    assertThat(instance).isWaitingAt("gesprek-met-betrokkene");
  }

  // --- the rules the forms enforce on the server as well -----------------------------------------

  @Test
  void refusesAStartWithoutTheWorryOrWithAGemeenteTheFormDoesNotOffer() {
    Map<String, Object> noWorry = startVariables("gemeente-leiden");
    noWorry.remove("zorg");
    assertThat(refusal(() -> engine.getRuntimeService().startProcessInstanceByKey("informatie-delen", noWorry))
        .fields()).containsExactly("zorg");

    assertThat(refusal(() -> start("gemeente-elders")).fields()).containsExactly("gemeente");
  }

  @Test
  void refusesAdviceThatWasNotAskedWithoutNamingThePerson() {
    ProcessInstance instance = start("gemeente-leiden");
    mapSignals(instance);
    consultColleague(instance);

    Map<String, Object> named = adviceVariables();
    named.put("adviesZonderNaam", false);
    named.put("vervolgNaAdvies", "verder");

    assertThat(refusal(() -> complete(task(instance), named)).fields()).containsExactly("adviesZonderNaam");
    assertThat(instance).isWaitingAt("advies-vragen");
  }

  @Test
  void refusesToSkipTheTalkWithoutAReason() {
    ProcessInstance instance = start("gemeente-leiden");
    mapSignals(instance);
    consultColleague(instance);
    askAdvice(instance, "verder");

    assertThat(refusal(() -> complete(task(instance), withVariables("gesprekMetBetrokkene", "nietGevoerd")))
        .fields()).containsExactly("redenGeenGesprek");
    assertThat(instance).isWaitingAt("gesprek-met-betrokkene");
  }

  @Test
  void refusesToShareWithoutConsentWithoutALegalBasisAndJustification() {
    ProcessInstance instance = atDecision();

    assertThat(refusal(() -> complete(task(instance), withVariables("besluitDelen", "zonderToestemming",
        "doelDelen", "Duiding.", "proportionaliteit", "Alleen feiten.", "subsidiariteit", "Geen andere weg.")))
        .fields()).containsExactly("grondslagZonderToestemming", "rechtvaardigingZonderToestemming");
    assertThat(refusal(() -> complete(task(instance), withVariables("besluitDelen", "metToestemming"))).fields())
        .as("consent and the purpose, proportionality and subsidiarity of sharing")
        .containsExactly("toestemming", "doelDelen", "proportionaliteit", "subsidiariteit");
    assertThat(instance).isWaitingAt("besluit-delen");
  }

  @Test
  void refusesNotToShareWithoutAReason() {
    ProcessInstance instance = atDecision();

    assertThat(refusal(() -> complete(task(instance), withVariables("besluitDelen", "nietDelen"))).fields())
        .containsExactly("redenNietDelen");
    assertThat(instance).isWaitingAt("besluit-delen");
  }

  @Test
  void refusesToShareWithoutSayingWhyThePersonWasNotInformed() {
    ProcessInstance instance = atDecision();
    decide(instance, Map.of("besluitDelen", "metToestemming", "toestemming", "Mondeling, 3 maart.",
        "doelDelen", "Duiding.", "proportionaliteit", "Alleen feiten.", "subsidiariteit", "Geen andere weg."));

    assertThat(refusal(() -> complete(task(instance), withVariables("betrokkeneNaam", "Demo Leerling",
        "betrokkeneGeinformeerd", false, "acuutGevaar", false))).fields())
        .containsExactly("redenNietGeinformeerd");
    assertThat(instance).isWaitingAt("delen-en-vastleggen");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Map<String, Object> startVariables(String gemeente) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", gemeente);
    variables.put("melderNaam", "Bart Peeters");
    variables.put("melderContact", "b.peeters@demolyceum.example");
    variables.put("melderOrganisatie", "Demo Lyceum Leiden");
    variables.put("zorg", "Een leerling uit 5 havo trekt zich terug en spreekt over 'de vijand'.");
    return variables;
  }

  private ProcessInstance start(String gemeente) {
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("informatie-delen", startVariables(gemeente));
    started.add(instance.getId());
    return instance;
  }

  /** Every step before the decision done, talking to the person included. */
  private ProcessInstance atDecision() {
    ProcessInstance instance = start("gemeente-leiden");
    mapSignals(instance);
    consultColleague(instance);
    askAdvice(instance, "verder");
    talk(instance);
    weighRisks(instance);
    assertThat(instance).isWaitingAt("besluit-delen");
    return instance;
  }

  private void mapSignals(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("signalen-in-kaart-brengen");
    complete(task(instance), withVariables("signaal", signaal,
        "meningen", "De mentor denkt dat hij wordt beïnvloed door een oudere neef.",
        "bronnen", "Twee medeleerlingen (via de mentor).",
        "tegenindicaties", "Sport nog wekelijks bij de club; goede band met de mentor."));
  }

  private void consultColleague(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("collega-raadplegen");
    complete(task(instance), withVariables("collegaGeraadpleegd", "Aandachtsfunctionaris",
        "uitkomstCollegiaalOverleg", "Zelfde zorg; advies vragen bij ESS."));
  }

  private Map<String, Object> adviceVariables() {
    Map<String, Object> advice = new HashMap<>();
    advice.put("adviesGevraagdBij", "ess-platform-jep");
    advice.put("adviesZonderNaam", true);
    advice.put("adviesGekregen", "Ga in gesprek; let op contact met ronselaars; bij twijfel melden.");
    return advice;
  }

  private void askAdvice(ProcessInstance instance, String vervolg) {
    assertThat(instance).isWaitingAt("advies-vragen");
    Map<String, Object> advice = adviceVariables();
    advice.put("vervolgNaAdvies", vervolg);
    complete(task(instance), advice);
  }

  private void talk(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("gesprek-met-betrokkene");
    complete(task(instance), withVariables("gesprekMetBetrokkene", "gevoerd",
        "gespreksverslag", "Leerling erkent de filmpjes; wil er met de mentor over blijven praten."));
  }

  private void weighRisks(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("risicos-afwegen");
    complete(task(instance), withVariables(
        "risicoNietDelen", "Mogelijk verdere beïnvloeding buiten school, die wij niet zien.",
        "risicoWelDelen", "Vertrouwen van de leerling in de mentor kan afnemen."));
  }

  private void decide(ProcessInstance instance, Map<String, Object> decision) {
    assertThat(instance).isWaitingAt("besluit-delen");
    complete(task(instance), new HashMap<>(decision));
  }

  private void shareAndDocument(ProcessInstance instance, boolean informed) {
    assertThat(instance).isWaitingAt("delen-en-vastleggen");
    Map<String, Object> share = new HashMap<>();
    share.put("betrokkeneNaam", betrokkene);
    share.put("geboortedatum", "2008-05-01");
    share.put("signaal", signaal);
    share.put("stappenGezet", "Gesprek met leerling; mentor blijft in contact.");
    share.put("betrokkeneGeinformeerd", informed);
    if (!informed) {
      share.put("redenNietGeinformeerd", "Informeren brengt een medeleerling in gevaar.");
    }
    share.put("acuutGevaar", false);
    complete(task(instance), share);
  }

  private int rounds(ProcessInstance instance) {
    return ((Number) engine.getRuntimeService().getVariable(instance.getId(), "kaartRondes")).intValue();
  }

  /** The melding went to the gemeente's meldpunt: a signaalketen case with the documented share. */
  private void assertChainStartedFor(ProcessInstance instance, String gemeente) {
    List<HistoricProcessInstance> chains = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("signaalketen").variableValueEquals("signaal", signaal).list();
    assertThat(chains).as("one signaalketen case for this melding").hasSize(1);
    HistoricProcessInstance chain = chains.get(0);
    started.add(chain.getId());
    Map<String, Object> melding = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(chain.getId()).list()
        .forEach(v -> melding.putIfAbsent(v.getName(), v.getValue()));
    assertThat(melding).containsEntry("gemeente", gemeente)
        .containsEntry("signaal", signaal)
        .containsEntry("betrokkeneNaam", betrokkene)
        .containsEntry("geboortedatum", "2008-05-01")
        .containsEntry("melderNaam", "Bart Peeters")
        .containsEntry("melderContact", "b.peeters@demolyceum.example")
        .containsEntry("melderType", "professional")
        .containsEntry("acuutGevaar", false)
        .containsKeys("meningen", "bronnen", "tegenindicaties", "adviesGekregen", "stappenGezet")
        // what stays inside the partner organisation
        .doesNotContainKeys("zorg", "gespreksverslag", "risicoNietDelen", "uitkomstCollegiaalOverleg");
  }

}
