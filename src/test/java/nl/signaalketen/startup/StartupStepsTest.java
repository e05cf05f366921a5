package nl.signaalketen.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import nl.signaalketen.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StartupStepsTest {

  @Autowired StartupSteps steps;

  @Test
  void aStepIsDoneOnceItIsMarkedAndMarkingItAgainChangesNothing() {
    String step = "test-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(steps.done(step)).isFalse();

    steps.markDone(step);
    steps.markDone(step);

    assertThat(steps.done(step)).isTrue();
  }

  @Test
  void theTaskGrantPassOfEarlierVersionsRanOnceAtTheFirstStart() {
    assertThat(steps.done("task-grants-narrowed-to-work")).isTrue();
    assertThat(steps.done("running-case-backfill")).isTrue();
  }
}
