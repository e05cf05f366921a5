package nl.signaalketen.sharing;

import java.util.List;
import java.util.Map;

/** The legal bases a share may rest on (DOMAIN.md rule 1); the codes the register stores. */
public final class LegalBasis {

  public static final String CONSENT = "toestemming";
  public static final List<String> CODES =
      List.of(CONSENT, "wet-pga", "wgs", "conflict-van-plichten", "wettelijke-plicht");

  /** The informatie-delen form names the bases for sharing without consent in camelCase. */
  private static final Map<String, String> FORM_VALUES = Map.of(
      "conflictVanPlichten", "conflict-van-plichten",
      "wettelijkePlicht", "wettelijke-plicht");

  private LegalBasis() {}

  public static boolean isValid(Object code) {
    return code != null && CODES.contains(code.toString());
  }

  /** A register code for a form value, or null when it names no basis. */
  static String fromForm(Object value) {
    if (value == null) {
      return null;
    }
    String code = FORM_VALUES.getOrDefault(value.toString(), value.toString());
    return isValid(code) ? code : null;
  }
}
