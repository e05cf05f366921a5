package nl.signaalketen.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaalketen.retention}: the term per category after closure (ISO period, default five
 * years as in the 2017 model convenant) and the deletion log's salt (from the environment,
 * SIGNAALKETEN_RETENTION_SALT; blank = generated once and kept in the database). A typo in a
 * category or a negative term stops the start-up rather than keeping or deleting data by surprise.
 */
@ConfigurationProperties("signaalketen.retention")
public record RetentionSettings(Map<String, Period> terms, String salt) {

  static final Period DEFAULT_TERM = Period.ofDays(1825);

  public RetentionSettings {
    Map<String, Period> given = terms == null ? Map.of() : terms;
    Map<RetentionCategory, Period> checked = new EnumMap<>(RetentionCategory.class);
    given.forEach((code, term) -> {
      RetentionCategory category = RetentionCategory.ofCode(code);
      if (term == null || term.isNegative()) {
        throw new IllegalArgumentException(
            "signaalketen.retention.terms." + code + " must be a positive ISO period, e.g. P1825D");
      }
      checked.put(category, term);
    });
    Map<String, Period> complete = new java.util.LinkedHashMap<>();
    for (RetentionCategory category : RetentionCategory.values()) {
      complete.put(category.code(), checked.getOrDefault(category, DEFAULT_TERM));
    }
    terms = Map.copyOf(complete);
    salt = salt == null ? "" : salt.trim();
  }

  public Period term(RetentionCategory category) {
    return terms.get(category.code());
  }

  /** The day a case closed on {@code closedOn} may be kept no longer: closure + term. */
  public LocalDate expiresOn(LocalDate closedOn, RetentionCategory category) {
    return closedOn.plus(term(category));
  }
}
