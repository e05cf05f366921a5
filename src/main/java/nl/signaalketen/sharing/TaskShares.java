package nl.signaalketen.sharing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.assignment.TaskRoles;
import nl.signaalketen.formvalidation.FormRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What each form that shares information tells the register. The case reference is filled in by
 * the recorder. A share without a valid legal basis or with an empty purpose is refused, naming
 * the form field, so the task stays open and nothing leaves: for informatie-aanleveren and
 * overdracht-voorbereiden the form rules (FormValidation, built in before this listener) refuse
 * it, as those forms require the justification and offer only the register's bases; the melding
 * is checked here, as its justification comes from earlier steps that a client can overwrite.
 */
final class TaskShares {

  /** What the melding from informatie-delen carries, by variable (see ReportSubmission). */
  private static final Map<String, String> REPORT_DATA = new LinkedHashMap<>();

  static {
    REPORT_DATA.put("betrokkeneNaam", "naam van de betrokkene");
    REPORT_DATA.put("geboortedatum", "geboortedatum");
    REPORT_DATA.put("signaal", "signalen (feiten)");
    REPORT_DATA.put("meningen", "meningen");
    REPORT_DATA.put("bronnen", "bronnen");
    REPORT_DATA.put("tegenindicaties", "tegenindicaties");
    REPORT_DATA.put("adviesGekregen", "ontvangen advies");
    REPORT_DATA.put("stappenGezet", "gezette stappen");
    REPORT_DATA.put("melderNaam", "naam en bereikbaarheid van de melder");
  }

  private TaskShares() {}

  /** informatie-aanleveren (weging): a partner's contribution; none when it had nothing to share. */
  static SharingEntry contribution(DelegateTask task, String user, LocalDateTime now) {
    if (!"informatie".equals(task.getVariable("bijdrage"))) {
      return null;
    }
    boolean special = Boolean.TRUE.equals(task.getVariable("bijzondereGegevens"));
    return new SharingEntry(null, null, now, user, SharingEntry.CONTRIBUTION,
        String.valueOf(task.getVariable("partnerRol")), "weegploeg", text(task, "doel"), text(task, "grondslag"),
        text(task, "proportionaliteit"), text(task, "subsidiariteit"),
        "samenvatting voor de gezamenlijke weging (ronde " + task.getVariable("ronde") + ")"
            + (special ? "; bijzondere persoonsgegevens" : ""),
        special, special ? text(task, "soortBijzondereGegevens") : null,
        null, "Besluit over het informeren van de betrokkene volgt na de weging (Betrokkene informeren).");
  }

  /** delen-en-vastleggen (informatie-delen): the melding that leaves the organisation. */
  static SharingEntry report(DelegateTask task, String user, LocalDateTime now) {
    Object decision = task.getVariable("besluitDelen");
    String basis;
    String basisField;
    if ("metToestemming".equals(decision)) {
      basis = LegalBasis.CONSENT;
      basisField = "besluitDelen";
    } else if ("zonderToestemming".equals(decision)) {
      basis = LegalBasis.fromForm(task.getVariable("grondslagZonderToestemming"));
      basisField = "grondslagZonderToestemming";
    } else {
      basis = null;
      basisField = "besluitDelen";
    }
    requireJustification(task, basis, basisField);
    List<String> data = new ArrayList<>();
    REPORT_DATA.forEach((name, label) -> {
      if (!blank(task.getVariable(name))) {
        data.add(label);
      }
    });
    String role = TaskRoles.roleOf(task.getBpmnModelElementInstance()).orElse("melder");
    Object organisation = task.getVariable("melderOrganisatie");
    Object informed = task.getVariable("betrokkeneGeinformeerd");
    return new SharingEntry(null, null, now, user, SharingEntry.REPORT,
        blank(organisation) ? role : role + " (" + organisation + ")",
        "meldpunt " + task.getVariable("gemeente"), text(task, "doelDelen"), basis,
        text(task, "proportionaliteit"), text(task, "subsidiariteit"), String.join("; ", data),
        false, null, Boolean.TRUE.equals(informed),
        Boolean.TRUE.equals(informed) ? null : text(task, "redenNietGeinformeerd"));
  }

  /**
   * overdracht-voorbereiden (melding): no radicalisation, a care need. The adviseur hands the
   * person and the care need over to the sociaal wijkteam; the call activity overdracht-zorg passes
   * exactly these, so the categories below are what leaves.
   */
  static SharingEntry careHandover(DelegateTask task, String user, LocalDateTime now) {
    Object gemeente = task.getVariable("gemeente");
    boolean informed = Boolean.TRUE.equals(task.getVariable("betrokkeneGeinformeerd"));
    return new SharingEntry(null, null, now, user, SharingEntry.CARE_HANDOVER,
        "adviseur-radicalisering (" + gemeente + ")", "sociaal wijkteam (" + gemeente + ")",
        text(task, "doelOverdracht"), text(task, "grondslagOverdracht"), text(task, "proportionaliteitOverdracht"),
        text(task, "subsidiariteitOverdracht"), "naam van de betrokkene; geboortedatum; zorgvraag", false, null,
        informed, informed ? null : text(task, "redenNietGeinformeerd"));
  }

  /** Basis, purpose, proportionality and subsidiarity of the melding, or a refusal naming each missing field. */
  private static void requireJustification(DelegateTask task, String basis, String basisField) {
    Map<String, String> missing = new LinkedHashMap<>();
    if (basis == null) {
      missing.put(basisField, "de grondslag (" + String.join(", ", LegalBasis.CODES) + ")");
    }
    if (blank(task.getVariable("doelDelen"))) {
      missing.put("doelDelen", "het doel (doelbinding)");
    }
    if (blank(task.getVariable("proportionaliteit"))) {
      missing.put("proportionaliteit", "de proportionaliteit");
    }
    if (blank(task.getVariable("subsidiariteit"))) {
      missing.put("subsidiariteit", "de subsidiariteit");
    }
    if (!missing.isEmpty()) {
      throw new FormRuleViolation(List.copyOf(missing.keySet()), "Elk delen van informatie wordt verantwoord"
          + " in het deelregister. Leg vast: " + String.join(", ", missing.values()) + ".");
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
