package nl.signaalketen.sharing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register as CSV for the privacy officer: a header, one line per entry, separated by
 * semicolons and preceded by a byte order mark, so Excel with Dutch settings opens it in columns
 * with accents intact. Cells that a spreadsheet would run as a formula are defused.
 */
final class SharingCsv {

  static final String HEADER = "id;casus;vastgelegd_op;vastgelegd_door;soort;van;aan;doel;grondslag;"
      + "proportionaliteit;subsidiariteit;gegevenscategorieen;bijzondere_gegevens;welke_bijzondere_gegevens;"
      + "betrokkene_geinformeerd;reden_niet_geinformeerd";

  private SharingCsv() {}

  static String of(List<SharingEntry> entries) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (SharingEntry e : entries) {
      csv.append(Stream.of(e.id(), e.casusId(), e.recordedAt(), e.recordedBy(), e.kind(), e.from(), e.to(),
              e.purpose(), e.legalBasis(), e.proportionality(), e.subsidiarity(), e.dataCategories(),
              e.specialCategories() ? "ja" : "nee", e.specialCategoryKinds(),
              e.personInformed() == null ? "niet vastgelegd" : e.personInformed() ? "ja" : "nee", e.reasonNotInformed())
          .map(SharingCsv::cell).collect(Collectors.joining(";"))).append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
