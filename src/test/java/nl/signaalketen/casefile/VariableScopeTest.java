package nl.signaalketen.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist sends every variable visible from a task's scope to the browser. Each phase is its own
 * process instance that receives only what the phase needs; within the weging, partners working
 * side by side keep their fields local and their contributions outside the process; the care
 * hand-over is a process of its own. Proven through the same form-variables call Tasklist makes.
 */
@IntegrationTest
class VariableScopeTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private Set<String> formVariables(String user, Task task) {
    ResponseEntity<Map<String, Object>> answer = Rest.as(http, user)
        .getJson("/engine-rest/task/" + task.getId() + "/form-variables");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody().keySet();
  }

  /** The whole answer of the form-variables call, as the browser receives it. */
  private String formVariablesText(String user, Task task) {
    ResponseEntity<String> answer = Rest.as(http, user).get("/engine-rest/task/" + task.getId() + "/form-variables");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static Set<String> passedInto(String callActivity) {
    return passedInto("signaalketen", callActivity);
  }

  /**
   * The variables a call activity passes by name. Anything that would pass more than it names
   * (camunda:in variables="all" or a sourceExpression) fails; an entry with only the business key is fine.
   */
  private static Set<String> passedInto(String process, String callActivity) {
    var model = Bpmn.readModelFromFile(Path.of("processes/" + process + ".bpmn").toFile());
    CallActivity call = model.getModelElementById(callActivity);
    List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
    for (CamundaIn in : ins) {
      String where = process + "/" + callActivity + ": camunda:in source=" + in.getCamundaSource();
      assertThat(in.getCamundaVariables()).as(where + " passes variables=").isNull();
      assertThat(in.getCamundaSourceExpression()).as(where + " passes a sourceExpression").isNull();
      assertThat(in.getCamundaSource() != null || in.getCamundaBusinessKey() != null)
          .as(where + " names a source or the business key").isTrue();
    }
    return ins.stream().map(CamundaIn::getCamundaSource).filter(s -> s != null).collect(Collectors.toSet());
  }

  @Test
  void anActionOwnerReceivesTheActionButNothingOfTheSignalOrTheWeging() {
    assertThat(passedInto("interventie")).containsExactlyInAnyOrder("gemeente", "casusId", "actie");
    Map<String, Object> actie = new HashMap<>(Map.of("rol", "jongerenwerker", "doel", "Positief netwerk opbouwen.",
        "reviewDatum", LocalDate.now().plusDays(30).toString(), "kosten", false,
        "omschrijving", "Mentortraject."));
    var instance = runtime.startProcessInstanceByKey("interventie",
        Map.of("gemeente", "gemeente-leiden", "casusId", "SK-SCOPE-" + System.nanoTime(), "actie", actie));
    Task accept = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    Set<String> received = formVariables("jongerenwerker-leiden", accept);

    assertThat(received).doesNotContain("signaal", "meningen", "betrokkeneNaam", "bsn", "bijdragen",
        "bijdragenOverzicht", "inbrengPolitie", "toelichtingDuiding");
  }

  @Test
  void theMayorDecidingOnAStuckPlanReceivesTheCaseReferenceButNotTheSignalOrTheReporter() {
    assertThat(passedInto("vastgelopen-plan")).containsExactlyInAnyOrder("gemeente", "casusId", "planRonde");
    var decision = runtime.startProcessInstanceByKey("bestuurlijk-besluit",
        Map.of("gemeente", "gemeente-leiden", "casusId", "SK-SCOPE-" + System.nanoTime(), "planRonde", 3));
    Task task = tasks.createTaskQuery().processInstanceId(decision.getId()).singleResult();

    assertThat(formVariables("burgemeester-leiden", task)).containsOnly("gemeente", "casusId", "planRonde");
  }

  @Test
  void theCaseMeetingReceivesNoPartnersContributionsFromTheWeging() {
    assertThat(passedInto("casusoverleg")).containsExactlyInAnyOrder("gemeente", "casusId", "minderjarig",
        "detentieOfToezicht", "schoolgaand", "planRonde");
  }

  @Test
  void theSchoolsPhaseIsAProcessOfItsOwnThatReceivesNothingFromTheChain() {
    var sharing = runtime.startProcessInstanceByKey("informatie-delen", Map.of("gemeente", "gemeente-leiden",
        "melderNaam", "Bart Peeters", "melderContact", "school@example.org", "melderOrganisatie", "Demo Lyceum",
        "zorg", "Zorg over een leerling."));
    Task first = tasks.createTaskQuery().processInstanceId(sharing.getId()).singleResult();

    assertThat(formVariables("school-leiden", first))
        .doesNotContain("casusId", "uitkomstWeging", "bijdragen", "inbrengPolitie", "acties");
  }

  // --- the weging: partners side by side --------------------------------------------------------

  private static final String POLICE_INFORMATION = "Politie: twee incidenten met geweld in 2025.";
  private static final String CRIMINAL_DATA = "strafrechtelijke gegevens";
  private static final String POLICE_INPUT = "Politie aan tafel: betrokkene is bekend in een lopend onderzoek.";

  @Test
  void aWeegploegPartnerDoesNotReceiveAnotherPartnersContribution() {
    ProcessInstance weging = startWeging();
    tasks.complete(WegingCases.enrichmentTask(tasks, weging, "politie-expert-radicalisering").getId(),
        WegingCases.contribution(POLICE_INFORMATION, CRIMINAL_DATA));

    String raad = formVariablesText("rvdk-hm", WegingCases.enrichmentTask(tasks, weging, "raadsonderzoeker"));

    assertThat(raad).doesNotContain(POLICE_INFORMATION).doesNotContain("bijdragenOverzicht")
        .contains(WegingCases.SIGNAL);
  }

  @Test
  void theJointWeighingTaskReceivesEveryContributionAndOnlyThatTaskDoes() {
    ProcessInstance weging = startWeging();
    completeEnrichment(weging);

    Task joint = tasks.createTaskQuery().processInstanceId(weging.getId()).taskDefinitionKey("gezamenlijk-wegen")
        .singleResult();

    assertThat(formVariablesText("voorzitter-hm", joint)).contains(POLICE_INFORMATION);
    assertThat(runtime.getVariables(weging.getId())).doesNotContainKeys("bijdragen", "bijdragenOverzicht");
  }

  @Test
  void inANextRoundThePartnersReceiveTheQuestionButNotTheWeegploegsInput() {
    ProcessInstance weging = startWeging();
    completeEnrichment(weging);
    Task joint = tasks.createTaskQuery().processInstanceId(weging.getId()).taskDefinitionKey("gezamenlijk-wegen")
        .singleResult();
    Map<String, Object> weighing = new HashMap<>(Map.of("inbrengGemeente", "Zorgen over isolement.",
        "inbrengPolitie", POLICE_INPUT, "inbrengOm", "Niet bekend bij het OM.",
        "toelichtingCriteria", "Nog niet te beoordelen.", "uitkomstWeging", "meerInformatie",
        "vraagMeerInformatie", "Raad: is het gezin bij jullie bekend?",
        "toelichtingWeging", "Zonder het beeld van de Raad kunnen we niet wegen; " + POLICE_INPUT));
    tasks.complete(joint.getId(), weighing);

    String raad = formVariablesText("rvdk-hm", WegingCases.enrichmentTask(tasks, weging, "raadsonderzoeker"));

    assertThat(raad).contains("Raad: is het gezin bij jullie bekend?").doesNotContain(POLICE_INPUT)
        .doesNotContain(POLICE_INFORMATION);
  }

  /** A weging for a minor, so the Raad voor de Kinderbescherming contributes beside the weegploeg. */
  private ProcessInstance startWeging() {
    return WegingCases.start(runtime, "gemeente-leiden", true, false);
  }

  /** The police shares; every other partner has nothing to contribute. */
  private void completeEnrichment(ProcessInstance weging) {
    tasks.complete(WegingCases.enrichmentTask(tasks, weging, "politie-expert-radicalisering").getId(),
        WegingCases.contribution(POLICE_INFORMATION, CRIMINAL_DATA));
    WegingCases.nothingFromTheOthers(tasks, weging, "Niet bekend.");
  }

  // --- a care need handed over to the sociaal wijkteam ------------------------------------------

  @Test
  void theSociaalWijkteamReceivesThePersonAndTheCareNeedButNothingOfTheMelding() {
    assertThat(passedInto("melding", "overdracht-zorg"))
        .containsExactlyInAnyOrder("gemeente", "casusId", "betrokkeneNaam", "geboortedatum", "zorgvraag");
    var melding = Cases.startAtDuiding(runtime, "gemeente-leiden");
    Map<String, Object> duiding = Cases.duiding(true, false, true);
    duiding.put("toelichtingDuiding", "Geen radicalisering; de duiding noemt een gevoelige bron.");
    duiding.put("zorgvraag", "Gezin zoekt hulp bij schulden.");
    tasks.complete(Cases.openTask(tasks, melding).getId(), duiding);
    tasks.complete(Cases.openTask(tasks, melding).getId(), Map.of("zorgvraag", "Gezin zoekt hulp bij schulden.",
        "doelOverdracht", "Zorg overnemen.", "grondslagOverdracht", "wettelijke-plicht",
        "proportionaliteitOverdracht", "Alleen persoon en zorgvraag.", "subsidiariteitOverdracht", "Niet anders.",
        "betrokkeneGeinformeerd", true));
    Task overname = tasks.createTaskQuery().taskDefinitionKey("zorgvraag-overnemen")
        .processVariableValueEquals("casusId", runtime.getVariable(melding.getId(), "casusId")).singleResult();

    String received = formVariablesText("wijkteam-leiden", overname);

    assertThat(received).contains("Gezin zoekt hulp bij schulden.")
        .doesNotContain("gevoelige bron", "toelichtingDuiding", "signaal", "melderNaam", "meningen", "bronnen")
        .doesNotContain("Docent van het Demo Lyceum", "filmpjes");
  }
}
