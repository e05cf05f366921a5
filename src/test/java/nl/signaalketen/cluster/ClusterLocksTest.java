package nl.signaalketen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import nl.signaalketen.deadlines.OverdueTasks;
import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.OutboxNotificationChannel;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Another node holds the deadline watcher's lock (a row in sk_shedlock, as a second node would
 * take it): this node skips its round and reminds nobody; once the lock is free, its round runs and
 * the reminder is written once.
 */
@IntegrationTest
class ClusterLocksTest {

  @Autowired LockProvider locks;
  @Autowired OverdueTasks watcher;
  @Autowired OutboxNotificationChannel outbox;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void theDeadlineWatcherSkipsItsRoundWhileAnotherNodeHoldsItsLockAndRunsOnceItIsFree() {
    String casusId = "SK-CLUSTER-" + System.nanoTime();
    var instance = runtime.startProcessInstanceByKey("bestuurlijk-besluit",
        Map.of("gemeente", "gemeente-leiden", "casusId", casusId, "planRonde", 3));
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    task.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(1))));
    tasks.saveTask(task);

    Optional<SimpleLock> otherNode = locks.lock(new LockConfiguration(Instant.now(), OverdueTasks.LOCK,
        Duration.ofMinutes(5), Duration.ZERO));
    assertThat(otherNode).as("the lock is free before the test takes it").isPresent();
    try {
      watcher.check();
      assertThat(outbox.forCase(casusId)).isEmpty();
    } finally {
      otherNode.get().unlock();
    }

    watcher.check();
    watcher.check();
    assertThat(outbox.forCase(casusId)).extracting(Notification::kind).containsExactly("herinnering");
  }
}
