package nl.signaalketen.gate;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import nl.signaalketen.engine.EngineReads;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The process definition a start names, by id or as the latest version of a key, found as the
 * engine (the caller's right to it is checked after). A definition's key never changes; the latest
 * version of a key is remembered for {@link #LATEST_TTL}: versions are deployed when a node starts,
 * so after another node deployed a new one this node starts the previous one for at most that
 * long, as a Tasklist that loaded its list before would.
 */
@Component
class StartableDefinitions {

  static final Duration LATEST_TTL = Duration.ofSeconds(60);

  record Definition(String id, String key) {}

  private final RepositoryService repository;
  private final EngineReads reads;
  private final Cache<String, String> latestIds = Caffeine.newBuilder().expireAfterWrite(LATEST_TTL)
      .maximumSize(1_000).build();
  private final Cache<String, String> keys = Caffeine.newBuilder().maximumSize(1_000).build();

  StartableDefinitions(RepositoryService repository, EngineReads reads) {
    this.repository = repository;
    this.reads = reads;
  }

  /** The definition of this id, or null. */
  Definition byId(String id) {
    String key = remembered(keys, id, () -> find(id, null), ProcessDefinition::getKey);
    return key == null ? null : new Definition(id, key);
  }

  /** The latest version of this key, or null. */
  Definition latest(String key) {
    String id = remembered(latestIds, key, () -> find(null, key), ProcessDefinition::getId);
    return id == null ? null : new Definition(id, key);
  }

  private static String remembered(Cache<String, String> cache, String name, Supplier<ProcessDefinition> find,
      Function<ProcessDefinition, String> part) {
    String known = cache.getIfPresent(name);
    if (known == null) {
      ProcessDefinition found = find.get();
      if (found == null) {
        return null;
      }
      known = part.apply(found);
      cache.put(name, known);
    }
    return known;
  }

  private ProcessDefinition find(String id, String key) {
    return reads.unrestricted(() -> {
      var query = repository.createProcessDefinitionQuery();
      return (id != null ? query.processDefinitionId(id) : query.processDefinitionKey(key).latestVersion())
          .singleResult();
    });
  }
}
