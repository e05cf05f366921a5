package nl.signaalketen.retention;

import java.io.InputStream;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Process variables and table rows as JSON can carry them in the inzage document. */
final class ExportValues {

  private ExportValues() {}

  static Map<String, Object> plainRow(Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>();
    row.forEach((k, v) -> copy.put(k, plain(v)));
    return copy;
  }

  /** Dates as ISO text; a file or binary value is named, not exported as bytes. */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString(); // java.sql.Date has no instant
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof TemporalAccessor time) {
      return time.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(ExportValues::plain).toList();
    }
    if (value instanceof byte[] bytes) {
      return "(binair, " + bytes.length + " bytes)";
    }
    return value instanceof InputStream ? "(bestand)" : value.toString();
  }
}
