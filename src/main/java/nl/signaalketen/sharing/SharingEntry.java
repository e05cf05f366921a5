package nl.signaalketen.sharing;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One line of the sharing register: the justification of a share, never its content.
 * {@code personInformed} is null when that decision is taken at a later step. {@code recordedAt}
 * is kept to the microsecond, the precision of its column, so an entry is what the register stores.
 */
public record SharingEntry(
    Long id,
    String casusId,
    LocalDateTime recordedAt,
    String recordedBy,
    String kind,
    String from,
    String to,
    String purpose,
    String legalBasis,
    String proportionality,
    String subsidiarity,
    String dataCategories,
    boolean specialCategories,
    String specialCategoryKinds,
    Boolean personInformed,
    String reasonNotInformed) {

  /** What a share is: a weighing contribution, a melding, a care hand-over, or recorded by hand. */
  public static final String CONTRIBUTION = "bijdrage-weging";
  public static final String REPORT = "melding";
  public static final String CARE_HANDOVER = "overdracht-zorg";
  public static final String MANUAL = "handmatig";

  public SharingEntry {
    recordedAt = recordedAt == null ? null : recordedAt.truncatedTo(ChronoUnit.MICROS);
  }

  SharingEntry withCase(String casus) {
    return with(id, casus);
  }

  SharingEntry withId(long stored) {
    return with(stored, casusId);
  }

  private SharingEntry with(Long newId, String casus) {
    return new SharingEntry(newId, casus, recordedAt, recordedBy, kind, from, to, purpose, legalBasis,
        proportionality, subsidiarity, dataCategories, specialCategories, specialCategoryKinds,
        personInformed, reasonNotInformed);
  }
}
