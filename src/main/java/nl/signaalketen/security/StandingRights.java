package nl.signaalketen.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Answers of Camunda's authorization checks on standing rights: READ on a Tasklist filter, READ
 * or CREATE_INSTANCE on a process definition, access to a webapp, and any right on all resources of
 * a type ({@code *}, such as CREATE on process instances). Each check is a MyBatis statement whose
 * dynamic SQL alone costs more CPU than many queries it guards: three per Tasklist call, three per
 * signal. These rights are set at start-up and by the administrator, never by the work (rights on
 * one task or instance are never answered here), so the answer is kept for a minute per user,
 * groups and check, the bound the sign-in caches already set, and dropped on this node as soon as
 * a change to such a right commits.
 */
final class StandingRights {

  private static final Duration TTL = Duration.ofSeconds(60);
  static final Set<Integer> STANDING_TYPES = Set.of(Resources.FILTER.resourceType(),
      Resources.PROCESS_DEFINITION.resourceType(), Resources.APPLICATION.resourceType());

  private record Key(String userId, Set<String> groupIds, String check) {}

  private final Cache<Key, Boolean> answers = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(50_000).build();
  /** Counts the forgettings: an answer read while a change committed is not kept. */
  private final AtomicLong forgettings = new AtomicLong();

  static boolean standing(PermissionCheck check) {
    return check.getResource() != null && (STANDING_TYPES.contains(check.getResource().resourceType())
        || check.getResourceId() == null || "*".equals(check.getResourceId()));
  }

  static boolean standing(CompositePermissionCheck check) {
    return !check.getAllPermissionChecks().isEmpty()
        && check.getAllPermissionChecks().stream().allMatch(StandingRights::standing);
  }

  /** Whether writing this authorization can change a standing right's answer. */
  static boolean standing(AuthorizationEntity authorization) {
    return STANDING_TYPES.contains(authorization.getResourceType()) || "*".equals(authorization.getResourceId());
  }

  boolean answer(String userId, List<String> groupIds, PermissionCheck check, Supplier<Boolean> ask) {
    return answer(userId, groupIds, describe(check), ask);
  }

  boolean answer(String userId, List<String> groupIds, CompositePermissionCheck check, Supplier<Boolean> ask) {
    return answer(userId, groupIds, describe(check), ask);
  }

  private boolean answer(String userId, List<String> groupIds, String check, Supplier<Boolean> ask) {
    Key key = new Key(userId, groupIds == null ? Set.of() : Set.copyOf(groupIds), check);
    Boolean known = answers.getIfPresent(key);
    if (known != null) {
      return known;
    }
    long before = forgettings.get();
    boolean answer = ask.get();
    answers.put(key, answer);
    if (forgettings.get() != before) {
      answers.invalidate(key);
    }
    return answer;
  }

  /** After a change to a standing right committed. */
  void forgetAll() {
    forgettings.incrementAndGet();
    answers.invalidateAll();
  }

  private static String describe(PermissionCheck check) {
    // "=" before an id: no id (only "*" rows count) and an id spelled "null" must not meet.
    return check.getPerms() + "@" + check.getResource().resourceType()
        + (check.getResourceId() == null ? "" : "=" + check.getResourceId());
  }

  private static String describe(CompositePermissionCheck check) {
    StringBuilder text = new StringBuilder(check.isDisjunctive() ? "any(" : "all(");
    check.getAtomicChecks().forEach(c -> text.append(describe(c)).append(','));
    check.getCompositeChecks().forEach(c -> text.append(describe(c)).append(','));
    return text.append(')').toString();
  }
}
