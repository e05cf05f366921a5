package nl.signaalketen.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A demo file that is broken before anything is stored (not YAML, or a record the API would refuse
 * by its shape) is refused by DemoNetworkLoader.read, naming file, record and field or the line.
 * That this stops start-up, and the mistakes only the registry finds, are BrokenDemoNetworkTest's.
 */
class DemoNetworkFileTest {

  private static void read(String demoFile) {
    Resource file = new ClassPathResource("broken-demo/" + demoFile);
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      // Reading needs only the validator; storing (repository, service, password) is not reached.
      new DemoNetworkLoader(null, null, null, validation.getValidator()).read(file, file.getFilename());
    }
  }

  @Test
  void aMalformedEmailAddressIsRefusedNamingFileRecordAndField() {
    assertThatThrownBy(() -> read("bad-email.yaml")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Demo network file bad-email.yaml is broken: people[0] (iemand), field 'email' ");
  }

  @Test
  void aFileThatIsNotYamlIsRefusedNamingFileAndLine() {
    assertThatThrownBy(() -> read("not-yaml.yaml")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Demo network file not-yaml.yaml is broken at line 3: ");
  }
}
