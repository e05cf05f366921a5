package nl.signaalketen.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.formvalidation.FormRuleViolation;
import nl.signaalketen.network.NetworkRepository;
import nl.signaalketen.network.Role;
import nl.signaalketen.network.RoleCatalog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The plan van aanpak of a casusoverleg (task "Casusoverleg voeren", form casusoverleg-voeren), on
 * complete: turns the form's fixed action fields (actie1Rol, actie1Doel, actie1ReviewDatum,
 * actie1Kosten, actie1Omschrijving; the same for 2 and 3) into the process variable
 * {@value #ACTIES}, a list of maps with the keys rol, doel, reviewDatum (yyyy-mm-dd), kosten and
 * omschrijving, one interventie each. It refuses, naming the field, what the form cannot check:
 * <ul>
 *   <li>action 1 is always part of the plan; action 2 and 3 when the form adds them (actie2Toevoegen,
 *       actie3Toevoegen) or when any of their fields is filled in;</li>
 *   <li>each action of the plan is complete: an owner role from the role catalog, a goal and a first
 *       review date after today;</li>
 *   <li>the casusregisseur is a person in the registry who holds the role casusregisseur for the
 *       case's gemeente today (directly or through its Zorg- en Veiligheidshuis; a deputy is not a
 *       holder).</li>
 * </ul>
 */
@Component("planVanAanpak")
public class ActionPlan implements TaskListener {

  public static final String ACTIES = "acties";
  public static final String CASUSREGISSEUR = "casusregisseur";
  static final String CASUSREGISSEUR_ROLE = "casusregisseur";
  static final int MAX_ACTIONS = 3;

  private final NetworkRepository registry;
  private final CandidateResolver resolver;
  private final Clock clock;

  public ActionPlan(NetworkRepository registry, CandidateResolver resolver, Clock clock) {
    this.registry = registry;
    this.resolver = resolver;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = LocalDate.now(clock);
    Set<String> roleCodes = RoleCatalog.roles().stream().map(Role::code).collect(Collectors.toSet());
    List<Map<String, Object>> acties = new ArrayList<>();
    for (int n = 1; n <= MAX_ACTIONS; n++) {
      if (inPlan(task, n)) {
        acties.add(action(task, n, roleCodes, today));
      }
    }
    String casusregisseur = text(task.getVariable(CASUSREGISSEUR));
    checkCasusregisseur(casusregisseur, text(task.getVariable(CaseVariables.GEMEENTE)));
    task.setVariable(ACTIES, acties);
    task.setVariable(CASUSREGISSEUR, casusregisseur);
  }

  /** Action 1 always; a later one when the form adds it, after the one before, or when it is filled in. */
  private static boolean inPlan(DelegateTask task, int n) {
    if (n == 1) {
      return true;
    }
    boolean added = true;
    for (int k = 2; k <= n; k++) {
      added &= Boolean.TRUE.equals(task.getVariable("actie" + k + "Toevoegen"));
    }
    return added || filledIn(task, "actie" + n + "Rol") || filledIn(task, "actie" + n + "Doel")
        || filledIn(task, "actie" + n + "ReviewDatum") || filledIn(task, "actie" + n + "Omschrijving");
  }

  private Map<String, Object> action(DelegateTask task, int n, Set<String> roleCodes, LocalDate today) {
    String prefix = "actie" + n;
    String rol = text(task.getVariable(prefix + "Rol"));
    if (rol == null) {
      throw new FormRuleViolation(prefix + "Rol",
          "Actie " + n + ": kies de rol die de actie uitvoert (" + prefix + "Rol).");
    }
    if (!roleCodes.contains(rol)) {
      throw new FormRuleViolation(prefix + "Rol",
          "Actie " + n + ": de rol '" + rol + "' staat niet in de rollencatalogus (" + prefix + "Rol).");
    }
    String doel = text(task.getVariable(prefix + "Doel"));
    if (doel == null) {
      throw new FormRuleViolation(prefix + "Doel",
          "Actie " + n + ": beschrijf het doel van de actie (" + prefix + "Doel).");
    }
    Object rawDate = task.getVariable(prefix + "ReviewDatum");
    if (text(rawDate) == null && !(rawDate instanceof Date)) {
      throw new FormRuleViolation(prefix + "ReviewDatum",
          "Actie " + n + ": geef een eerste reviewdatum (" + prefix + "ReviewDatum).");
    }
    LocalDate reviewDatum = date(rawDate).orElseThrow(() -> new FormRuleViolation(prefix + "ReviewDatum",
        "Actie " + n + ": de reviewdatum '" + rawDate + "' is geen datum (jjjj-mm-dd) (" + prefix + "ReviewDatum)."));
    if (!reviewDatum.isAfter(today)) {
      throw new FormRuleViolation(prefix + "ReviewDatum",
          "Actie " + n + ": de reviewdatum " + reviewDatum + " moet na vandaag liggen (" + prefix + "ReviewDatum).");
    }
    Map<String, Object> actie = new LinkedHashMap<>();
    actie.put("rol", rol);
    actie.put("doel", doel);
    actie.put("reviewDatum", reviewDatum.toString());
    actie.put("kosten", isTrue(task.getVariable(prefix + "Kosten")));
    actie.put("omschrijving", text(task.getVariable(prefix + "Omschrijving")));
    return actie;
  }

  private void checkCasusregisseur(String personId, String gemeente) {
    if (personId == null) {
      throw new FormRuleViolation(CASUSREGISSEUR,
          "Wijs een casusregisseur aan (" + CASUSREGISSEUR + ").");
    }
    if (registry.person(personId).isEmpty()) {
      throw new FormRuleViolation(CASUSREGISSEUR, "'" + personId
          + "' staat niet in het netwerkregister; geef de gebruikersnaam van een casusregisseur ("
          + CASUSREGISSEUR + ").");
    }
    if (!resolver.holders(CASUSREGISSEUR_ROLE, gemeente).contains(personId)) {
      throw new FormRuleViolation(CASUSREGISSEUR, "'" + personId + "' heeft vandaag niet de rol "
          + resolver.roleName(CASUSREGISSEUR_ROLE) + " voor " + resolver.organisationName(gemeente)
          + " (" + CASUSREGISSEUR + ").");
    }
  }

  /** A form's date field: "2026-03-01" (also with a time part), a java.util.Date or a LocalDate. */
  private Optional<LocalDate> date(Object value) {
    if (value instanceof LocalDate d) {
      return Optional.of(d);
    }
    if (value instanceof Date d) {
      return Optional.of(d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
    }
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean filledIn(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof Date || text(value) != null;
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String s && Boolean.parseBoolean(s.trim()));
  }

  private static String text(Object value) {
    if (value == null || value instanceof Date) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
