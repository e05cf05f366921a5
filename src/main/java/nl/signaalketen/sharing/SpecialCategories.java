package nl.signaalketen.sharing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The access log names which special category was read, but the forms describe it in free text
 * ("Welke bijzondere gegevens, en waarom nodig"), which may say more than the category. So the log
 * gets only the AVG category names found in that text, never the text itself.
 */
final class SpecialCategories {

  static final String UNRECOGNISED = "bijzondere persoonsgegevens (soort niet herkend)";

  private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("godsdienst of levensovertuiging", words("godsdienst|relig|levensovertuig|geloof|islam|christ|jood"));
    CATEGORIES.put("politieke opvattingen", words("politie[kc]|ideolog|extremis"));
    CATEGORIES.put("gezondheid", words("gezondheid|medisch|psych|ggz|verslav|diagnos"));
    CATEGORIES.put("strafrechtelijke gegevens", words("strafrecht|justiti|veroordel|verdacht|politiegegevens|wpg"));
    CATEGORIES.put("ras of etnische afkomst", words("ras\\b|etnisch|afkomst"));
    CATEGORIES.put("seksueel leven of seksuele gerichtheid", words("seksu"));
    CATEGORIES.put("lidmaatschap van een vakbond", words("vakbond"));
    CATEGORIES.put("genetische of biometrische gegevens", words("genetisch|biometr"));
  }

  private SpecialCategories() {}

  private static Pattern words(String stems) {
    return Pattern.compile("\\b(" + stems + ")");
  }

  /** The category names found in the given descriptions, sorted and joined; never null. */
  static String labels(Collection<String> descriptions) {
    TreeSet<String> found = new TreeSet<>();
    for (String description : descriptions) {
      String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
      boolean recognised = false;
      for (Map.Entry<String, Pattern> category : CATEGORIES.entrySet()) {
        if (category.getValue().matcher(text).find()) {
          found.add(category.getKey());
          recognised = true;
        }
      }
      if (!recognised) {
        found.add(UNRECOGNISED);
      }
    }
    return String.join(", ", found);
  }
}
