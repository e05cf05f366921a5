package nl.signaalketen.deadlines;

import static nl.signaalketen.testsupport.Cases.candidateUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.TaskRoles;
import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.OutboxNotificationChannel;
import nl.signaalketen.network.NetworkRepository;
import nl.signaalketen.testsupport.Cases;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;

/** A missed deadline reminds the holder, later escalates to the role's lead; with a moved clock. */
@IntegrationTest
class OverdueTasksTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskRoles taskRoles;
  @Autowired CandidateResolver resolver;
  @Autowired NetworkRepository registry;
  @Autowired OutboxNotificationChannel outbox;
  @Autowired Deadlines deadlines;
  @Autowired ChainSettings settings;
  @Autowired PlatformTransactionManager transactions;

  private OverdueTasks watcherAt(Duration later) {
    Clock moved = Clock.offset(Clock.systemDefaultZone(), later);
    return new OverdueTasks(tasks, taskRoles, resolver, registry, outbox, deadlines, settings, moved, transactions);
  }

  @Test
  void aTaskGetsItsDueDateThenAReminderThenItsRolesLead() {
    String casusId = "SK-TERMIJN-" + System.nanoTime();
    var instance = runtime.startProcessInstanceByKey("bestuurlijk-besluit",
        Map.of("gemeente", "gemeente-leiden", "casusId", casusId, "planRonde", 3));
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isInTheFuture();
    assertThat(candidateUsers(tasks, task.getId())).containsExactly("burgemeester-leiden");

    watcherAt(Duration.ofDays(1)).check();
    assertThat(outbox.forCase(casusId)).isEmpty();

    watcherAt(Duration.ofDays(20)).check();
    assertThat(outbox.forCase(casusId)).extracting(Notification::kind, Notification::recipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("herinnering", "burgemeester-leiden"));
    watcherAt(Duration.ofDays(20)).check(); // a reminder is sent once
    assertThat(outbox.forCase(casusId)).hasSize(1);

    watcherAt(Duration.ofDays(30)).check();
    // burgemeester has no lead: nobody is added, but the task is marked escalated at high priority
    Task escalated = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(escalated.getPriority()).isEqualTo(OverdueTasks.ESCALATED_PRIORITY);
  }

  @Test
  void anOverdueTaskOfTheAdviseurEscalatesToTheTeamleiderOov() {
    String casusId = "SK-ESCALATIE-" + System.nanoTime();
    Map<String, Object> variables = new HashMap<>(Cases.signal("gemeente-leiden"));
    variables.put("casusId", casusId);
    var instance = runtime.createProcessInstanceByKey("signaalketen").setVariables(variables)
        .startBeforeActivity("nieuw-signaal-beoordelen").execute();
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    watcherAt(Duration.ofDays(20)).check();
    watcherAt(Duration.ofDays(30)).check();

    assertThat(candidateUsers(tasks, task.getId())).containsExactly("adviseur-leiden", "teamleider-leiden");
    assertThat(outbox.forCase(casusId)).extracting(Notification::kind, Notification::recipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("herinnering", "adviseur-leiden"),
            org.assertj.core.groups.Tuple.tuple("escalatie", "teamleider-leiden"));
  }

  /** The overdue tasks are handled a page at a time: every page, each in its own transaction. */
  @Test
  void everyOverdueTaskIsRemindedOnceWhenTheyTakeMoreThanOnePage() {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String casusId = "SK-PAGINA-" + System.nanoTime();
      runtime.startProcessInstanceByKey("bestuurlijk-besluit",
          Map.of("gemeente", "gemeente-leiden", "casusId", casusId, "planRonde", 3));
      cases.add(casusId);
    }
    Clock later = Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(20));
    OverdueTasks watcher = new OverdueTasks(tasks, taskRoles, resolver, registry, outbox, deadlines,
        settings, later, transactions, 2);

    watcher.check();
    watcher.check();

    for (String casusId : cases) {
      assertThat(outbox.forCase(casusId)).as(casusId).extracting(Notification::kind)
          .containsExactly("herinnering");
    }
  }
}
