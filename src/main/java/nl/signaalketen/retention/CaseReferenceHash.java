package nl.signaalketen.retention;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case reference as the deletion log keeps it: HMAC-SHA-256 of the casusId with a secret salt.
 * Case numbers are few and guessable (SK-year-8 hex digits), so a plain hash could be reversed by
 * hashing every candidate; with the salt, only whoever holds it can check "was case X deleted?".
 * The salt comes from the environment; without one, a random salt is generated once and kept in
 * sk_retention_setting (then a database reader could check guesses too: set the environment salt
 * in production and keep it outside the database).
 */
@Component
public class CaseReferenceHash {

  static final String SALT_SETTING = "deletion-log-salt";

  private final RetentionSettings settings;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private volatile byte[] salt;

  public CaseReferenceHash(RetentionSettings settings, JdbcClient jdbc,
      PlatformTransactionManager transactions) {
    this.settings = settings;
    this.jdbc = jdbc;
    // The salt is stored in a transaction of its own: a rolled-back deletion must not take it along.
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String of(String caseRef) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(caseRef.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private byte[] salt() {
    if (salt == null) {
      String value = settings.salt().isEmpty() ? storedSalt() : settings.salt();
      salt = value.getBytes(StandardCharsets.UTF_8);
    }
    return salt;
  }

  private String storedSalt() {
    String stored = ownTransaction.execute(status -> read());
    if (stored != null) {
      return stored;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc
          .sql("insert into sk_retention_setting (setting_name, setting_value) values (?, ?)")
          .params(SALT_SETTING, HexFormat.of().formatHex(random)).update());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // use the one that was stored first
    }
    return ownTransaction.execute(status -> read());
  }

  private String read() {
    return jdbc.sql("select setting_value from sk_retention_setting where setting_name = ?")
        .param(SALT_SETTING).query(String.class).optional().orElse(null);
  }
}
