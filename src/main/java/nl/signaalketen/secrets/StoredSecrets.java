package nl.signaalketen.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyed hashes (HMAC-SHA-256) with a secret from the environment. Without one (the demo, the
 * tests), a random secret is generated once per name and kept in sk_secret, so every node of a
 * cluster uses the same; then a database reader could check guesses too, which is why production
 * sets the environment's secret and keeps it outside the database.
 */
@Component
public class StoredSecrets {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

  public StoredSecrets(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // Stored in a transaction of its own: a rolled-back step must not take the secret along.
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** HMAC-SHA-256 of the text, hex, with the configured secret or else the stored one of this name. */
  public String hash(String name, String configured, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(name, configured), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private byte[] secret(String name, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim().getBytes(StandardCharsets.UTF_8);
    }
    return secrets.computeIfAbsent(name, n -> stored(n).getBytes(StandardCharsets.UTF_8));
  }

  private String stored(String name) {
    String stored = ownTransaction.execute(status -> read(name));
    if (stored != null) {
      return stored;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc
          .sql("insert into sk_secret (secret_name, secret_value) values (?, ?)")
          .params(name, HexFormat.of().formatHex(random)).update());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // use the one that was stored first
    }
    return ownTransaction.execute(status -> read(name));
  }

  private String read(String name) {
    return jdbc.sql("select secret_value from sk_secret where secret_name = ?")
        .param(name).query(String.class).optional().orElse(null);
  }
}
