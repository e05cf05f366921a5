package nl.signaalketen.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Basic sends the password with every request; checking it and finding the user's groups and
 * tenants each time cost the database a transaction per request. A sign-in that passed is kept for
 * {@value #TTL} (default 60 s) under the user id and a keyed hash of the password, so the next
 * request with the same credentials needs no lookup. A refused sign-in is never kept: every wrong
 * password reaches Camunda, which counts it and locks the user. {@link IdentityWrites} forgets a
 * user as soon as a change to their password, groups or tenants (or a failed attempt) is
 * committed on this node; on other nodes of a cluster the TTL bounds how long it may be stale.
 */
@Component
class RememberedLogins {

  static final String TTL = "signaalketen.security.basic-auth.cache-ttl";
  private static final int MAX_USERS = 10_000;

  private final Cache<Key, SignedIn> logins;
  /** Random per start: the hashes in memory cannot be compared with anything kept elsewhere. */
  private final SecretKeySpec salt;
  /** Counts the forgettings, so a check that overlapped one keeps nothing it may have read stale. */
  private final AtomicLong forgettings = new AtomicLong();
  /** Per user (lower case), the forgetting that concerned them last; with {@link #everyone}, their identity's version. */
  private final Map<String, Long> changed = new ConcurrentHashMap<>();
  private volatile long everyone;
  private final Duration ttl;
  private volatile boolean tenants;
  private volatile long tenantsCheckedAt;

  RememberedLogins(@Value("${" + TTL + ":60s}") Duration ttl) {
    this.ttl = ttl;
    this.logins = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_USERS).build();
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.salt = new SecretKeySpec(random, "HmacSHA256");
  }

  /** The remembered sign-in for these credentials, else {@code check}'s (null: refused, not kept). */
  SignedIn signIn(String userId, String password, Supplier<SignedIn> check) {
    Key key = new Key(userId, digest(password));
    SignedIn known = logins.getIfPresent(key);
    if (known != null) {
      return known;
    }
    long before = forgettings.get();
    SignedIn checked = check.get();
    if (checked != null) {
      logins.put(key, checked);
      // A change committed during the check may be missing from what it read; forget() may also
      // have run before the put. Either way the entry must not outlive this request.
      if (forgettings.get() != before) {
        logins.invalidate(key);
      }
    }
    return checked;
  }

  /** Case-insensitively: a database with case-insensitive ids signs in "Jan" as "jan". */
  void forget(String userId) {
    changed.put(userId.toLowerCase(Locale.ROOT), forgettings.incrementAndGet());
    logins.asMap().keySet().removeIf(key -> key.userId().equalsIgnoreCase(userId));
  }

  /** After a change to a whole group or tenant, whose members are not known here. */
  void forgetEveryone() {
    everyone = forgettings.incrementAndGet();
    tenantsCheckedAt = 0;
    logins.invalidateAll();
  }

  /**
   * Whether the installation has any tenant, asked at most once per {@link #TTL} (and again after a
   * tenant changed on this node): without tenants nobody has one, and a sign-in skips the lookup.
   * A tenant made on another node is seen within the TTL; until then its members see less, not more.
   */
  boolean hasTenants(BooleanSupplier ask) {
    long now = System.nanoTime();
    if (tenantsCheckedAt == 0 || now - tenantsCheckedAt > ttl.toNanos()) {
      tenants = ask.getAsBoolean();
      tenantsCheckedAt = now;
    }
    return tenants;
  }

  /** Changes whenever this user's password, groups or tenants changed on this node (or everyone's). */
  long versionOf(String userId) {
    return Math.max(everyone, changed.getOrDefault(userId.toLowerCase(Locale.ROOT), 0L));
  }

  private String digest(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(salt);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  private record Key(String userId, String passwordDigest) {}
}
