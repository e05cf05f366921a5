package nl.signaalketen.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IdentityMirrorTest {

  @Autowired IdentitySync sync;
  @Autowired NetworkRepository registry;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  private Map<String, Object> mirrorRow() {
    return jdbc.sql("select fingerprint, mirrored_at from sk_identity_mirror where id = 1").query().singleRow();
  }

  @Test
  void anUnchangedRegistryIsNotMirroredAgainButAChangedOneIsMirroredInFull() {
    sync.syncAll();
    Map<String, Object> mirrored = mirrorRow();

    sync.syncAll();
    assertThat(mirrorRow()).isEqualTo(mirrored);

    // A person who reached the registry without the registry's API (an import, a restored backup).
    String id = "mirror-test-" + System.nanoTime();
    registry.insert(new Person(id, "Mira Spiegel", id + "@example.org", "gemeente-leiden"));
    try {
      sync.syncAll();

      assertThat(identity.createUserQuery().userId(id).memberOfGroup(IdentitySync.ALL_PROFESSIONALS).count()).isOne();
      assertThat(mirrorRow().get("fingerprint")).isNotEqualTo(mirrored.get("fingerprint"));
      assertThat((Timestamp) mirrorRow().get("mirrored_at")).isAfterOrEqualTo((Timestamp) mirrored.get("mirrored_at"));
    } finally {
      jdbc.sql("delete from sk_person where id = ?").param(id).update();
      identity.deleteUser(id);
      sync.syncAll();
    }
    assertThat(mirrorRow().get("fingerprint")).isEqualTo(mirrored.get("fingerprint"));
  }

  @Test
  void theFingerprintChangesWithTheDayAndWithAnyPartOfTheRegistry() {
    List<Person> people = List.of(new Person("p1", "Piet Pieters", "p1@example.org", "gemeente-x"));
    List<RoleAssignment> assignments = List.of(
        new RoleAssignment(1L, "p1", "adviseur-radicalisering", "gemeente-x", LocalDate.of(2026, 1, 1), null, null));
    List<Role> roles = List.of(new Role("adviseur-radicalisering", "Adviseur", OrganisationType.GEMEENTE, null));
    List<Organisation> organisations = List.of(new Organisation("gemeente-x", "Gemeente X", OrganisationType.GEMEENTE, null));
    MirrorState monday = new MirrorState(jdbc, Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    MirrorState mondayLater = new MirrorState(jdbc, Clock.fixed(Instant.parse("2026-12-07T20:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    MirrorState tuesday = new MirrorState(jdbc, Clock.fixed(Instant.parse("2026-12-08T08:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    String base = monday.fingerprint(people, assignments, roles, organisations);

    assertThat(mondayLater.fingerprint(people, assignments, roles, organisations)).isEqualTo(base);
    assertThat(tuesday.fingerprint(people, assignments, roles, organisations)).isNotEqualTo(base);
    assertThat(monday.fingerprint(List.of(new Person("p1", "Piet Pieters", "piet@example.org", "gemeente-x")),
        assignments, roles, organisations)).isNotEqualTo(base);
    assertThat(monday.fingerprint(people, List.of(new RoleAssignment(1L, "p1", "adviseur-radicalisering", "gemeente-x",
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 8), null)), roles, organisations)).isNotEqualTo(base);
    assertThat(monday.fingerprint(people, assignments, List.of(), organisations)).isNotEqualTo(base);
    assertThat(monday.fingerprint(people, assignments, roles,
        List.of(new Organisation("gemeente-x", "Gemeente Iks", OrganisationType.GEMEENTE, null)))).isNotEqualTo(base);
  }
}
