package nl.signaalketen.formvalidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;

/** Submitted form values as the contract reads them: Java values, dates, texts, compared as shown. */
final class FormValues {

  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private FormValues() {}

  /** A date field's value as a date in the sane range; null when it is none. */
  static LocalDate date(JsonNode component, String text) {
    if (text.length() < 10 || text.length() > 40) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.substring(0, 10));
      boolean dateOnly = !"datetime".equals(component.path("subtype").asText("date"));
      if (dateOnly && text.length() != 10) {
        return null;
      }
      return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t'
        || ch == 0x7f || ch == 0xfffe || ch == 0xffff);
  }

  /** The JSON value as the Java value Camunda would store: text, boolean, number, or null. */
  static Object plain(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** One text per value as a read-only field shows it, so a value sent back unchanged compares equal. */
  static String canonical(String type, Object value) {
    if (value == null || (value instanceof String s && s.isEmpty())
        || ("checkbox".equals(type) && Boolean.FALSE.equals(value))) {
      return "";
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return n.toString();
      }
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
    String text = value.toString();
    return "datetime".equals(type) && text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
  }
}
