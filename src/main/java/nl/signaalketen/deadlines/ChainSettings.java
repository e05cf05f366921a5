package nl.signaalketen.deadlines;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rhythm of the chain from application.yaml: each deadline as an ISO duration (PT1H), an ISO
 * period (P6W) or working days (5WD); loop limits; how long after a reminder a task escalates.
 */
@ConfigurationProperties("signaalketen")
public record ChainSettings(Map<String, String> deadlines, Map<String, Integer> limits,
    String escalateAfter) {

  public ChainSettings {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    limits = limits == null ? Map.of() : Map.copyOf(limits);
    escalateAfter = escalateAfter == null ? "1WD" : escalateAfter;
  }
}
