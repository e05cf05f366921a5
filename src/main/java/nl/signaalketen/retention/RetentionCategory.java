package nl.signaalketen.retention;

import java.util.Arrays;

/**
 * The two retention categories of DOMAIN.md rule 5. A case is a PGA case once it went through the
 * casusoverleg; every other closed case is a signal that was not taken up (no concern, handed over
 * to regular care, closed after weging, or joined to a running case).
 */
public enum RetentionCategory {
  NIET_OPGEPAKT("niet-opgepakt"),
  PGA("pga");

  private final String code;

  RetentionCategory(String code) {
    this.code = code;
  }

  /** The key in {@code signaalketen.retention.terms} and the value in sk_deletion_log. */
  public String code() {
    return code;
  }

  public static RetentionCategory ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown retention category '" + code
            + "'; known: " + Arrays.stream(values()).map(RetentionCategory::code).toList()));
  }
}
