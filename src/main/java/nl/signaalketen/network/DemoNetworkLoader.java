package nl.signaalketen.network;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.Validator;
import nl.signaalketen.api.InvalidInputException;
import nl.signaalketen.network.NetworkInput.NewAssignment;
import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.network.NetworkInput.NewPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty registry from the demo file (default profile only). Every record goes through the
 * same validation as the API; the first broken record stops start-up with file, record and field
 * named, and the transaction leaves nothing half-loaded.
 */
@Component
public class DemoNetworkLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoNetworkLoader.class);

  @ConfigurationProperties("signaalketen.demo")
  public record DemoProperties(boolean enabled, Resource network, String password) {}

  record DemoNetwork(List<NewOrganisation> organisations, List<NewPerson> people,
      List<NewAssignment> assignments) {}

  private final DemoProperties properties;
  private final NetworkRepository repository;
  private final NetworkService network;
  private final Validator validator;

  public DemoNetworkLoader(DemoProperties properties, NetworkRepository repository,
      NetworkService network, Validator validator) {
    this.properties = properties;
    this.repository = repository;
    this.network = network;
    this.validator = validator;
  }

  @Transactional
  public void loadIfEnabled() {
    if (!properties.enabled()) {
      return;
    }
    String file = properties.network().getFilename();
    DemoNetwork demo = read(properties.network(), file);
    if (!repository.isEmpty()) {
      LOG.info("Registry already filled; demo network {} not loaded again", file);
      return;
    }
    // A gemeente names its ZVH, so ZVHs go in first; indexes in messages stay those of the file.
    each(file, "organisations", demo.organisations(), NewOrganisation::code,
        o -> o.type() == OrganisationType.ZVH, network::addOrganisation);
    each(file, "organisations", demo.organisations(), NewOrganisation::code,
        o -> o.type() != OrganisationType.ZVH, network::addOrganisation);
    each(file, "people", demo.people(), NewPerson::id, p -> true,
        p -> network.addPerson(p, properties.password()));
    each(file, "assignments", demo.assignments(), a -> a.personId() + " as " + a.roleCode(),
        a -> true, network::assign);
    LOG.info("Demo network loaded from {}: {} organisations, {} people, {} assignments", file,
        demo.organisations().size(), demo.people().size(), demo.assignments().size());
  }

  DemoNetwork read(Resource resource, String file) {
    DemoNetwork demo;
    try (InputStream in = resource.getInputStream()) {
      demo = new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(in, DemoNetwork.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Demo network file " + file + " is broken at line "
          + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("Demo network file " + file + " cannot be read", e);
    }
    if (demo == null || demo.organisations() == null || demo.people() == null
        || demo.assignments() == null) {
      throw new IllegalStateException("Demo network file " + file
          + " must list organisations, people and assignments");
    }
    checkShape(file, "organisations", demo.organisations(), NewOrganisation::code);
    checkShape(file, "people", demo.people(), NewPerson::id);
    checkShape(file, "assignments", demo.assignments(), a -> a.personId() + " as " + a.roleCode());
    return demo;
  }

  private <T> void checkShape(String file, String list, List<T> records, Function<T, String> name) {
    IntStream.range(0, records.size()).forEach(i -> validator.validate(records.get(i)).stream()
        .findFirst().ifPresent(v -> {
          throw broken(file, list, i, name.apply(records.get(i)), v.getPropertyPath().toString(),
              v.getMessage());
        }));
  }

  private <T> void each(String file, String list, List<T> records, Function<T, String> name,
      Predicate<T> when, Consumer<T> action) {
    for (int i = 0; i < records.size(); i++) {
      if (!when.test(records.get(i))) {
        continue;
      }
      try {
        action.accept(records.get(i));
      } catch (InvalidInputException e) {
        var first = e.fieldErrors().entrySet().iterator().next();
        throw broken(file, list, i, name.apply(records.get(i)), first.getKey(), first.getValue());
      }
    }
  }

  private static IllegalStateException broken(String file, String list, int index, String record,
      String field, String message) {
    return new IllegalStateException(String.format(
        "Demo network file %s is broken: %s[%d] (%s), field '%s' %s", file, list, index, record,
        field, message));
  }
}
