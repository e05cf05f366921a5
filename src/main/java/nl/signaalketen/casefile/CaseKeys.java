package nl.signaalketen.casefile;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Case reference and the pseudonymous key that recognises the same person in a later signal. */
public final class CaseKeys {

  /** The main process: one instance per case, the case reference as its business key. */
  public static final String CHAIN_PROCESS = "signaalketen";
  public static final String CASE_ID = "casusId";
  public static final String PERSON_KEY = "persoonSleutel";
  public static final String RUNNING_CASE = "lopendeCasus";
  /** "signaal" for a registered signal; "pga" once the weging decides on a persoonsgerichte aanpak. */
  public static final String STATUS = "casusStatus";
  public static final String STATUS_SIGNAL = "signaal";
  public static final String STATUS_SUBJECT = "pga";

  private CaseKeys() {}

  /** The case a step of the chain belongs to: its casusId, else the business key, else the instance. */
  public static String caseOf(DelegateExecution execution) {
    Object casusId = execution.getVariable(CASE_ID);
    if (casusId != null && !casusId.toString().isBlank()) {
      return casusId.toString();
    }
    String businessKey = execution.getProcessBusinessKey();
    return businessKey != null ? businessKey : execution.getProcessInstanceId();
  }

  /**
   * What the person key is made of: the BSN, or else name and date of birth (normalised: case,
   * accents, spaces). Null when the signal names nobody. See {@link PersonKeys} for the key itself.
   */
  static String personBasis(String bsn, String name, LocalDate birth) {
    if (bsn != null && !bsn.isBlank()) {
      return "bsn:" + bsn.replaceAll("\\D", "");
    }
    if (name != null && !name.isBlank() && birth != null) {
      String normal = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
          .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
      return "naam:" + normal + "|" + birth;
    }
    return null;
  }
}
