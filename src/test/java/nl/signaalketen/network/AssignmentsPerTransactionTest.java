package nl.signaalketen.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.signaalketen.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry question a task's offer asks: the gemeente's ZVH and the assignments that apply. */
@IntegrationTest
class AssignmentsPerTransactionTest {

  private static final LocalDate TODAY = LocalDate.now();

  @Autowired NetworkRepository registry;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void theAnswerNamesTheGemeentesZvhAndOnlyTheAssignmentsOfTheAskedRolesThere() {
    var answer = registry.assignmentsApplyingTo(List.of("adviseur-radicalisering"), "gemeente-leiden", TODAY);

    assertThat(answer.zvh()).contains("zvh-hollands-midden");
    assertThat(answer.assignments()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.roleCode()).isEqualTo("adviseur-radicalisering");
      assertThat(a.scopeCode()).isIn("gemeente-leiden", "zvh-hollands-midden");
    });
    assertThat(answer.assignments()).extracting(RoleAssignment::personId).contains("adviseur-leiden");
  }

  @Test
  void everyFieldOfAnApplyingAssignmentIsRead() {
    transaction.execute(status -> {
      long id = registry.insert(new RoleAssignment(null, "teamleider-leiden", "jongerenwerker", "gemeente-leiden",
          TODAY.minusDays(3), TODAY.plusDays(30), "burgemeester-leiden"));
      RoleAssignment expected = new RoleAssignment(id, "teamleider-leiden", "jongerenwerker", "gemeente-leiden",
          TODAY.minusDays(3), TODAY.plusDays(30), "burgemeester-leiden");

      var answer = registry.assignmentsApplyingTo(List.of("jongerenwerker"), "gemeente-leiden", TODAY);

      assertThat(answer.assignments()).filteredOn(a -> a.id() == id).containsExactly(expected);
      assertThat(registry.assignment(id)).contains(expected);
      status.setRollbackOnly();
      return null;
    });
  }

  @Test
  void anUnknownGemeenteHasNoZvhAndNoAssignments() {
    var answer = registry.assignmentsApplyingTo(List.of("adviseur-radicalisering"), "gemeente-onbekend", TODAY);

    assertThat(answer.zvh()).isEmpty();
    assertThat(answer.assignments()).isEmpty();
  }

  @Test
  void withinOneTransactionTheQuestionIsAskedOnceAndARegistryWriteMakesItAskAgain() {
    transaction.execute(status -> {
      List<String> roles = List.of("jongerenwerker");
      assertThat(holders(roles)).doesNotContain("burgemeester-leiden");

      // Written around the registry: the transaction's answer stands.
      jdbc.sql("insert into sk_role_assignment (person_id, role_code, scope_code, valid_from)"
              + " values ('burgemeester-leiden', 'jongerenwerker', 'gemeente-leiden', ?)").param(TODAY).update();
      assertThat(holders(roles)).doesNotContain("burgemeester-leiden");

      // Written through the registry: asked again, and both new assignments are there.
      registry.insert(new RoleAssignment(null, "teamleider-leiden", "jongerenwerker", "gemeente-leiden",
          TODAY, null, null));
      assertThat(holders(roles)).contains("burgemeester-leiden", "teamleider-leiden");

      status.setRollbackOnly();
      return null;
    });
  }

  private List<String> holders(List<String> roles) {
    return registry.assignmentsApplyingTo(roles, "gemeente-leiden", TODAY).assignments().stream()
        .map(RoleAssignment::personId).toList();
  }
}
