package nl.signaalketen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.TaskRoles;
import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.OutboxNotificationChannel;
import nl.signaalketen.network.NetworkRepository;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** The overdue tasks are handled a page at a time: every page, each in its own transaction. */
@IntegrationTest
class OverdueTasksPagingTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskRoles taskRoles;
  @Autowired CandidateResolver resolver;
  @Autowired NetworkRepository registry;
  @Autowired OutboxNotificationChannel outbox;
  @Autowired Deadlines deadlines;
  @Autowired ChainSettings settings;
  @Autowired PlatformTransactionManager transactions;

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
