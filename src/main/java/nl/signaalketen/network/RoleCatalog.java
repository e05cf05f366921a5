package nl.signaalketen.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The roles of the chain are product configuration, not data: they live in
 * {@code network/roles.yaml}, processes name them, the Modeler element template offers them, and
 * start-up copies them into the registry so assignments can refer to them.
 */
@Component
public class RoleCatalog {

  public static final String LOCATION = "network/roles.yaml";

  private static volatile List<Role> cached;

  private final NetworkRepository repository;

  public RoleCatalog(NetworkRepository repository) {
    this.repository = repository;
  }

  public void syncIntoRegistry() {
    roles().forEach(repository::upsert);
  }

  /** The catalog, parsed on first use: it is packaged with the application and never changes. */
  public static List<Role> roles() {
    List<Role> roles = cached;
    if (roles == null) {
      // A race parses twice at worst, with the same result.
      try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
        roles = List.copyOf(read(in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the role catalog " + LOCATION, e);
      }
      cached = roles;
    }
    return roles;
  }

  public static List<Role> read(InputStream in) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readValue(in, Catalog.class).roles();
  }

  record Catalog(List<Role> roles) {}
}
