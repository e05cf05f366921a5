package nl.signaalketen.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
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
   * A hash of the BSN, or else of name and date of birth (normalised: case, accents, spaces), so
   * a match needs no readable identity in a variable. Null when the signal names nobody.
   */
  public static String personKey(String bsn, String name, LocalDate birth) {
    String basis;
    if (bsn != null && !bsn.isBlank()) {
      basis = "bsn:" + bsn.replaceAll("\\D", "");
    } else if (name != null && !name.isBlank() && birth != null) {
      String normal = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
          .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
      basis = "naam:" + normal + "|" + birth;
    } else {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
