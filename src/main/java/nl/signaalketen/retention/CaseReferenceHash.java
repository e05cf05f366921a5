package nl.signaalketen.retention;

import nl.signaalketen.secrets.StoredSecrets;
import org.springframework.stereotype.Component;

/**
 * The case reference as the deletion log keeps it: HMAC-SHA-256 of the casusId with a secret salt.
 * Case numbers are few and guessable (SK-year-8 hex digits), so a plain hash could be reversed by
 * hashing every candidate; with the salt, only whoever holds it can check "was case X deleted?".
 * The salt comes from the environment (SIGNAALKETEN_RETENTION_SALT); see {@link StoredSecrets}.
 */
@Component
public class CaseReferenceHash {

  static final String SALT_SETTING = "deletion-log-salt";

  private final RetentionSettings settings;
  private final StoredSecrets secrets;

  public CaseReferenceHash(RetentionSettings settings, StoredSecrets secrets) {
    this.settings = settings;
    this.secrets = secrets;
  }

  public String of(String caseRef) {
    return secrets.hash(SALT_SETTING, settings.salt(), caseRef);
  }
}
