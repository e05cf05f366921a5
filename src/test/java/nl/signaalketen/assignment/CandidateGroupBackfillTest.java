package nl.signaalketen.assignment;

import static nl.signaalketen.testsupport.Cases.openTask;
import static nl.signaalketen.testsupport.Cases.startAtDuiding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.signaalketen.network.IdentitySync;
import nl.signaalketen.startup.StartupSteps;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An open task from a version that shared it by a grant alone gets its role's groups as candidates. */
@IntegrationTest
class CandidateGroupBackfillTest {

  @Autowired CandidateGroupBackfill backfill;
  @Autowired StartupSteps steps;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void anOpenTaskWithoutCandidateGroupsIsOfferedToTheGroupsOfItsRoleOnce() {
    String task = openTask(tasks, startAtDuiding(runtime, "gemeente-leiden")).getId();
    List<String> groups = groups(task);
    assertThat(groups).contains(IdentitySync.scopedGroup("adviseur-radicalisering", "gemeente-leiden"));
    groups.forEach(group -> tasks.deleteCandidateGroup(task, group));

    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

    assertThat(groups(task)).containsExactlyInAnyOrderElementsOf(groups);
    assertThat(steps.done(CandidateGroupBackfill.STEP)).isTrue();
  }

  private List<String> groups(String task) {
    return tasks.getIdentityLinksForTask(task).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }
}
