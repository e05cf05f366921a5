package nl.signaalketen.retention;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a case's recorded exceptions to its export. An exception names what is withheld: a
 * variable name, or a subject such as "politie" or "strafrechtelijk". A part is left out when its
 * name contains that term or any of its values mentions it (case-insensitive); in a list only the
 * entries that mention it go (e.g. the police's entry in the weging contributions). Deliberately
 * broad: when in doubt a part is withheld, and the exception is listed, so the person knows.
 */
final class Withholding {

  private final List<String> terms;

  Withholding(Collection<String> withheld) {
    this.terms = withheld.stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
        .filter(t -> !t.isEmpty()).distinct().toList();
  }

  /** Whether the variable is left out entirely (a list is filtered instead, see {@link #filter}). */
  boolean withholds(String name, Object value) {
    return names(name) || !(value instanceof Collection<?>) && mentions(value);
  }

  /** The value as exported: a list without the entries that mention a withheld term. */
  Object filter(Object value) {
    return value instanceof Collection<?> list
        ? list.stream().filter(entry -> !mentions(entry)).toList() : value;
  }

  /** A register entry, log line or notification is exported only when it mentions no withheld term. */
  boolean keeps(Map<String, Object> row) {
    return !mentions(row);
  }

  private boolean names(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return terms.stream().anyMatch(lower::contains);
  }

  private boolean mentions(Object value) {
    if (value == null || terms.isEmpty()) {
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(this::mentions);
    }
    if (value instanceof Collection<?> list) {
      return list.stream().anyMatch(this::mentions);
    }
    return names(value.toString());
  }
}
