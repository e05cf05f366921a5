package nl.signaalketen.casefile;

import java.time.LocalDate;

import nl.signaalketen.secrets.StoredSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pseudonymous key that recognises the same person in a later signal: HMAC-SHA-256 of the BSN
 * (or of name and date of birth) with a secret from the environment (SIGNAALKETEN_PERSON_KEY_SECRET),
 * so a key cannot be recomputed from a guessed BSN by whoever sees it.
 */
@Component
public class PersonKeys {

  static final String SECRET_NAME = "person-key";

  private final StoredSecrets secrets;
  private final String secret;

  public PersonKeys(StoredSecrets secrets, @Value("${signaalketen.person-key-secret:}") String secret) {
    this.secrets = secrets;
    this.secret = secret;
  }

  /** The key, or null when the signal names nobody (no BSN, and no name with date of birth). */
  public String of(String bsn, String name, LocalDate birth) {
    String basis = CaseKeys.personBasis(bsn, name, birth);
    return basis == null ? null : secrets.hash(SECRET_NAME, secret, basis);
  }
}
