package nl.signaalketen.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives a new signal its case reference (also the business key every phase carries), derives
 * whether the person is a minor, and the pseudonymous person key used to find a running case.
 */
@Component("casusRegistreren")
public class CaseRegistration implements JavaDelegate {

  private final Clock clock;
  private final PersonKeys personKeys;

  public CaseRegistration(Clock clock, PersonKeys personKeys) {
    this.clock = clock;
    this.personKeys = personKeys;
  }

  @Override
  public void execute(DelegateExecution execution) {
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
    execution.setVariable(CaseKeys.PERSON_KEY, personKeys.of(
        (String) execution.getVariable("bsn"), (String) execution.getVariable("betrokkeneNaam"),
        birth));
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
