package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import nl.signaalketen.SignaalketenApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A broken demo file stops start-up, and the message says which file, record and field. A file
 * broken before anything is stored (not YAML, a malformed field) is refused by the loader itself:
 * see nl.signaalketen.network.DemoNetworkFileTest.
 */
@Tag("own-jvm")
class BrokenDemoNetworkTest {

  private static void startWith(String demoFile) {
    // Command-line arguments, because application.yaml outranks builder default properties.
    new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:broken-" + UUID.randomUUID(),
            "--signaalketen.demo.network=classpath:broken-demo/" + demoFile)
        .close();
  }

  @Test
  void anUnknownOrganisationStopsStartUpNamingFileRecordAndField() {
    assertThatThrownBy(() -> startWith("unknown-organisation.yaml"))
        .hasMessageContaining("unknown-organisation.yaml")
        .hasMessageContaining("people[1] (tweede)").hasMessageContaining("field 'organisationCode'")
        .hasMessageContaining("gemeente-bestaat-niet");
  }
}
