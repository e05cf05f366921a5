package nl.signaalketen.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.formvalidation.FormRuleViolation;
import nl.signaalketen.security.CamundaAuthorizations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives a new signal its case reference (also the business key every phase carries), derives
 * whether the person is a minor, and the pseudonymous person key used to find a running case
 * (kept as a variable, and in {@link RunningCaseIndex} for the lookup).
 */
@Component("casusRegistreren")
public class CaseRegistration implements JavaDelegate {

  private final Clock clock;
  private final PersonKeys personKeys;
  private final CandidateResolver resolver;
  private final RunningCaseIndex runningCases;

  public CaseRegistration(Clock clock, PersonKeys personKeys, CandidateResolver resolver,
      RunningCaseIndex runningCases) {
    this.clock = clock;
    this.personKeys = personKeys;
    this.resolver = resolver;
    this.runningCases = runningCases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    checkMeldpuntServesGemeente(execution);
    LocalDate today = LocalDate.now(clock);
    String casusId = "SK-" + today.getYear() + "-"
        + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    execution.setVariable(CaseKeys.CASE_ID, casusId);
    // Signal is not subject: only the weging's PGA outcome makes the person a subject ("pga").
    execution.setVariable(CaseKeys.STATUS, CaseKeys.STATUS_SIGNAL);
    execution.setProcessBusinessKey(casusId);
    LocalDate birth = date(execution.getVariable("geboortedatum"));
    if (birth != null) {
      execution.setVariable("minderjarig", Period.between(birth, today).getYears() < 18);
    } else if (execution.getVariable("minderjarig") == null) {
      execution.setVariable("minderjarig", false);
    }
    String personKey = personKeys.of(
        (String) execution.getVariable("bsn"), (String) execution.getVariable("betrokkeneNaam"),
        birth);
    execution.setVariable(CaseKeys.PERSON_KEY, personKey);
    Object gemeente = execution.getVariable(CaseVariables.GEMEENTE);
    runningCases.put(execution.getProcessInstanceId(), casusId, personKey,
        gemeente == null ? null : gemeente.toString());
  }

  /**
   * A professional registers a signal for a gemeente whose meldpunt they serve (they hold an intake
   * role for it, directly, through the ZVH or as deputy): the gemeente decides who gets every task
   * of the case. A melding that informatie-delen hands over is started by the chain itself.
   */
  private void checkMeldpuntServesGemeente(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    Object gemeente = execution.getVariable(CaseVariables.GEMEENTE);
    String code = gemeente == null ? null : gemeente.toString();
    boolean serves = resolver.candidatesForAny(CamundaAuthorizations.INTAKE_ROLES, code).contains(user.getUserId());
    if (!serves) {
      throw new FormRuleViolation(CaseVariables.GEMEENTE, "U kunt alleen een melding registreren voor een gemeente"
          + " waarvan u het meldpunt bedient; " + resolver.organisationName(code) + " hoort daar niet bij (gemeente).");
    }
  }

  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
    } catch (DateTimeParseException e) {
      return null; // the start form validates the format; an odd value just gives no age
    }
  }
}
