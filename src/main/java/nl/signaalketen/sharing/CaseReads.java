package nl.signaalketen.sharing;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Records that someone read a case's data: one line in the access log naming the special
 * categories the case holds (from its register entries), or "casusgegevens", never the content.
 */
@Component
public class CaseReads {

  private final SharingRegister register;
  private final AccessLog log;

  public CaseReads(SharingRegister register, AccessLog log) {
    this.register = register;
    this.log = log;
  }

  /** {@code kind}: {@link AccessLog#READ} or {@link AccessLog#EXPORT}; {@code channel}: one of AccessLog's. */
  public void record(String user, String casusId, String kind, String channel, String object) {
    if (casusId == null) {
      return;
    }
    List<String> kinds = register.specialCategoryKinds(casusId);
    log.record(user, casusId, kind, kinds.isEmpty() ? AccessLog.CASE_DATA : SpecialCategories.labels(kinds),
        channel, object);
  }
}
