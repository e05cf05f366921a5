package nl.signaalketen;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class SignaalketenApplication {

  public static void main(String[] args) {
    SpringApplication.run(SignaalketenApplication.class, args);
  }

  /** One clock for "today", so validity dates and (later) retention can be tested with a moved clock. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
