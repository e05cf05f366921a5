package nl.signaalketen.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which registry Camunda's identity last mirrored in full (table sk_identity_mirror): a fingerprint
 * of everything the mirror is made of, and the day, because assignments start and end by date.
 * Every change through the registry is mirrored at once and changes the fingerprint, and the
 * registry's groups cannot be edited by hand (the gate refuses), so an equal fingerprint means an
 * equal mirror: the start of another node, or a restart, skips thousands of identity queries.
 */
@Component
class MirrorState {

  /** Raise when the mirror is made differently, so every installation mirrors in full once more. */
  private static final String MIRROR_VERSION = "2";

  private final JdbcClient jdbc;
  private final Clock clock;

  MirrorState(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String fingerprint(List<Person> people, List<RoleAssignment> assignments, List<Role> roles,
      List<Organisation> organisations) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((MIRROR_VERSION + "|" + LocalDate.now(clock) + "\n").getBytes(StandardCharsets.UTF_8));
      for (List<? extends Record> part : List.of(people, assignments, roles, organisations)) {
        for (Record row : part) {
          digest.update((row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  boolean mirrored(String fingerprint) {
    return jdbc.sql("select count(*) from sk_identity_mirror where id = 1 and fingerprint = ?").param(fingerprint)
        .query(Long.class).single() > 0;
  }

  /** The row exists from the migration on: an update, never an insert that two nodes could race. */
  void record(String fingerprint) {
    jdbc.sql("update sk_identity_mirror set fingerprint = ?, mirrored_at = ? where id = 1")
        .params(fingerprint, Timestamp.from(clock.instant())).update();
  }
}
