package nl.signaalketen.process;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.OutboxNotificationChannel;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One case through the whole chain, as the demo users would carry it in Tasklist: a teacher's worry
 * (informatie-delen) becomes a melding, is duided, weighed by the weegploeg, discussed in the
 * casusoverleg, answered with a paid intervention that is reviewed, followed in nazorg and closed.
 * At every step the task is offered to exactly the demo user holding its role, and the reporter
 * hears the status at each moment.
 */
@IntegrationTest
class FullChainTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired OutboxNotificationChannel outbox;

  @Test
  void aSchoolsWorryTravelsTheWholeChainToClosure() {
    String person = "Demo Leerling " + UUID.randomUUID().toString().substring(0, 8);
    String signal = "Leerling toont in de les filmpjes die geweld verheerlijken (" + person + ").";

    // Phase 0 -- informatie delen, inside the school
    ProcessInstance sharing = runtime.startProcessInstanceByKey("informatie-delen", Map.of(
        "gemeente", "gemeente-leiden", "melderNaam", "Bart Peeters",
        "melderContact", "b.peeters@demolyceum.example", "melderOrganisatie", "Demo Lyceum Leiden",
        "zorg", "Een leerling trekt zich terug en spreekt over 'de vijand'."));
    String school = sharing.getId();
    done(byInstance(school, "signalen-in-kaart-brengen"), "school-leiden", Map.of("signaal", signal,
        "meningen", "De mentor denkt aan beïnvloeding door een oudere neef.",
        "bronnen", "Twee medeleerlingen (via de mentor).",
        "tegenindicaties", "Sport nog wekelijks; goede band met de mentor."));
    done(byInstance(school, "collega-raadplegen"), "school-leiden", Map.of(
        "collegaGeraadpleegd", "Aandachtsfunctionaris", "uitkomstCollegiaalOverleg", "Zelfde zorg."));
    done(byInstance(school, "advies-vragen"), "school-leiden", Map.of("adviesGevraagdBij", "ess-platform-jep",
        "adviesZonderNaam", true, "adviesGekregen", "Ga in gesprek; bij twijfel melden.",
        "vervolgNaAdvies", "verder"));
    done(byInstance(school, "gesprek-met-betrokkene"), "school-leiden", Map.of(
        "gesprekMetBetrokkene", "gevoerd", "gespreksverslag", "Leerling erkent de filmpjes."));
    done(byInstance(school, "risicos-afwegen"), "school-leiden", Map.of(
        "risicoNietDelen", "Verdere beïnvloeding buiten school.", "risicoWelDelen", "Minder vertrouwen."));
    done(byInstance(school, "besluit-delen"), "school-leiden", Map.of("besluitDelen", "metToestemming",
        "toestemming", "Leerling en ouders gaven mondeling toestemming.",
        "doelDelen", "Duiding door de adviseur radicalisering.",
        "proportionaliteit", "Alleen de feiten uit de les.",
        "subsidiariteit", "School kan de ideologische component niet zelf beoordelen."));
    Map<String, Object> share = new HashMap<>(Map.of("betrokkeneNaam", person, "geboortedatum", "2010-05-01",
        "signaal", signal, "stappenGezet", "Gesprek met leerling.", "betrokkeneGeinformeerd", true,
        "acuutGevaar", false));
    done(byInstance(school, "delen-en-vastleggen"), "school-leiden", share);

    String chainId = (String) history.createHistoricVariableInstanceQuery().processInstanceId(school)
        .variableName("meldingCasus").singleResult().getValue();
    String caseKey = runtime.createProcessInstanceQuery().processInstanceId(chainId).singleResult().getBusinessKey();
    assertThat(runtime.getVariable(chainId, "minderjarig")).isEqualTo(true);

    // Phase 1 -- melding and duiding by the gemeente's adviseur
    Map<String, Object> duiding = Cases.duiding(true, true, false);
    duiding.put("toelichtingDuiding", "Herhaalde uitingen; ideologische component waarschijnlijk.");
    done(byCase(caseKey, "melding-duiden"), "adviseur-leiden", duiding);

    // Phase 2 -- weging: every partner contributes (a minor: the Raad too), then jointly
    Map<String, String> partners = Map.of("adviseur-radicalisering", "adviseur-leiden",
        "politie-expert-radicalisering", "politie-expert-hm", "officier-van-justitie", "ovj-hm",
        "raadsonderzoeker", "rvdk-hm");
    List<Task> enrichment = tasks.createTaskQuery().processInstanceBusinessKey(caseKey)
        .taskDefinitionKey("informatie-aanleveren").list();
    assertThat(enrichment).hasSize(partners.size());
    for (Task task : enrichment) {
      String role = (String) tasks.getVariable(task.getId(), "partnerRol");
      done(task, partners.get(role), WegingCases.contribution("Bijdrage van " + role, null));
    }
    Map<String, Object> weighing = new HashMap<>(Map.of("inbrengGemeente", "Zorgen over isolement.",
        "inbrengPolitie", "Twee incidenten, geen strafbare feiten.", "inbrengOm", "Geen lopend onderzoek.",
        "meerdereLeefgebieden", true, "ketenoverstijgendeSamenwerking", true, "impactOpGezin", true,
        "ernstigVeiligheidsprobleem", false, "toelichtingCriteria", "Per criterium besproken.",
        "uitkomstWeging", "pga"));
    weighing.put("ookStrafrechtelijk", false);
    weighing.put("toelichtingWeging", "Persoonsgerichte aanpak via het ZVH.");
    done(byCase(caseKey, "gezamenlijk-wegen"), "voorzitter-hm", weighing);
    done(byCase(caseKey, "betrokkene-informeren"), "adviseur-leiden", Map.of(
        "betrokkeneGeinformeerd", true, "datumGeinformeerd", LocalDate.now().toString()));

    // Phase 3 -- casusoverleg, prepared by the procesregisseur (and deputy), held on its date
    done(byCase(caseKey, "casusoverleg-voorbereiden"), List.of("procesregisseur-hm", "voorzitter-hm"), Map.of(
        "ideologischeDuidingNodig", false, "datumCasusoverleg", LocalDate.now().plusDays(7).toString(),
        "agendaCasusoverleg", "Risicotaxatie en plan van aanpak."));
    fireTimer(caseKey, "casusoverleg");
    Map<String, Object> meeting = new HashMap<>(Map.of("aanwezigVoorzitter", true, "aanwezigGemeente", true,
        "aanwezigPolitie", true, "aanwezigOm", true,
        "risicofactoren", "Sociaal isolement; online contact met een ronselaar.",
        "beschermendeFactoren", "Betrokken moeder; wil zijn opleiding afmaken.",
        "besluiten", "Persoonsgerichte aanpak met een mentortraject.", "casusregisseur", "casusregisseur-hm"));
    meeting.putAll(Map.of("actie1Rol", "jongerenwerker", "actie1Doel", "Positief netwerk opbouwen.",
        "actie1ReviewDatum", LocalDate.now().plusDays(42).toString(), "actie1Kosten", true,
        "actie1Omschrijving", "Mentortraject met wekelijkse gesprekken."));
    done(byCase(caseKey, "casusoverleg-voeren"), "voorzitter-hm", meeting);

    // Phase 4 -- the intervention: accepted, budget approved, carried out, reviewed
    done(byCase(caseKey, "actie-accepteren"), "jongerenwerker-leiden", Map.of(
        "aanpakActie", "Kennismaking deze week, daarna wekelijks.", "geschatteKosten", 2400));
    done(byCase(caseKey, "budget-goedkeuren"), "budgethouder-leiden", Map.of(
        "budgetBesluit", "goedgekeurd", "toegekendBudget", 2400));
    done(byCase(caseKey, "actie-uitvoeren"), "jongerenwerker-leiden", Map.of(
        "statusUitvoering", "gereed", "voortgang", "Tien gesprekken; komt afspraken na."));
    done(byCase(caseKey, "voortgang-beoordelen"), "casusregisseur-hm", Map.of("reviewBesluit", "afronden"));

    // Phase 5 -- nazorg: a check-in proposes closure, the partners decide it jointly
    fireTimer(caseKey, "nazorg");
    done(byCase(caseKey, "checkin-monitoring"), "casusregisseur-hm", Map.of("uitkomstCheckin", "afsluitenVoorstellen",
        "checkinVerslag", "Rustige periode; gaat naar het mbo.", "motivatieAfsluiten", "Risico afgenomen."));
    done(byCase(caseKey, "besluit-afsluiten"), "voorzitter-hm", Map.of("besluitAfsluiten", "afsluiten",
        "akkoordGemeente", true, "akkoordPolitie", true, "akkoordOm", true,
        "redenAfsluiten", "Risico weggenomen; school blijft betrokken."));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseKey).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(chainId)
        .activityId("casus-afgesloten").count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(chainId)
        .variableName("afsluitdatum").singleResult().getValue()).isEqualTo(LocalDate.now().toString());
    assertThat(outbox.forCase(caseKey)).filteredOn(n -> n.recipient().equals("b.peeters@demolyceum.example"))
        .extracting(Notification::kind).containsExactly("terugkoppeling-ontvangst",
            "terugkoppeling-opgepakt", "terugkoppeling-casusoverlegJa", "terugkoppeling-afsluiting");
  }

  private Task byInstance(String instanceId, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
  }

  private Task byCase(String caseKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    return task;
  }

  private void done(Task task, String onlyFor, Map<String, Object> variables) {
    done(task, List.of(onlyFor), variables);
  }

  /** The task is offered to exactly these demo users; one of them completes it. */
  private void done(Task task, List<String> offeredTo, Map<String, Object> variables) {
    assertThat(task).isNotNull();
    assertThat(candidateUsers(tasks, task.getId())).as(task.getName())
        .containsExactlyInAnyOrderElementsOf(offeredTo);
    tasks.claim(task.getId(), offeredTo.get(0));
    tasks.complete(task.getId(), variables);
  }

  private void fireTimer(String caseKey, String processKey) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
        .processDefinitionKey(processKey).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).timers()
        .singleResult().getId());
  }
}
