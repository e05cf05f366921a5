package nl.signaalketen.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** Starting demo cases and reading who a task is offered to, as the tests need it. */
public final class Cases {

  private Cases() {}

  public static Map<String, Object> signal(String gemeente) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gemeente", gemeente);
    variables.put("melderType", "professional");
    variables.put("melderNaam", "Docent van het Demo Lyceum");
    variables.put("melderContact", "docent@example.org");
    variables.put("signaal", "Leerling deelt in de klas filmpjes die geweld verheerlijken.");
    return variables;
  }

  public static ProcessInstance startChain(RuntimeService runtime, String gemeente) {
    return runtime.startProcessInstanceByKey("signaalketen", signal(gemeente));
  }

  /**
   * A melding waiting at "Melding duiden" for any gemeente, also one the start form does not offer
   * (tests of the registry make gemeenten of their own): the melding phase, started directly.
   */
  public static ProcessInstance startAtDuiding(RuntimeService runtime, String gemeente) {
    Map<String, Object> variables = signal(gemeente);
    variables.put("casusId", "SK-TEST-" + System.nanoTime());
    return runtime.startProcessInstanceByKey("melding", variables);
  }

  /**
   * What the form "Melding duiden" (forms/melding-duiding.form) submits: the reporter not called
   * back, what information is missing when it does not suffice, no detention or supervision, at
   * school, and a reasoned explanation. Mutable, so a test adds or changes fields (zorgvraag, ...).
   */
  public static Map<String, Object> duiding(boolean informatieToereikend, boolean mogelijkeRadicalisering,
      boolean zorgbehoefte) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("melderTeruggebeld", false);
    variables.put("informatieToereikend", informatieToereikend);
    if (!informatieToereikend) {
      variables.put("benodigdeInformatie", "Schoolverzuim en contacten buiten school navragen.");
    }
    variables.put("mogelijkeRadicalisering", mogelijkeRadicalisering);
    variables.put("zorgbehoefte", zorgbehoefte);
    variables.put("detentieOfToezicht", false);
    variables.put("schoolgaand", true);
    variables.put("toelichtingDuiding", "Filmpjes gedeeld, geen verdere uitingen of contacten bekend.");
    return variables;
  }

  public static Task openTask(TaskService tasks, ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  public static List<String> candidateUsers(TaskService tasks, String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).sorted().toList();
  }
}
