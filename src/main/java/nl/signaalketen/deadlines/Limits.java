package nl.signaalketen.deadlines;

import org.springframework.stereotype.Component;

/** Bounds for loops in the chain, as BPMN uses them: {@code ${limits.rounds('informatie')}}. */
@Component("limits")
public class Limits {

  private final ChainSettings settings;

  public Limits(ChainSettings settings) {
    this.settings = settings;
  }

  public int rounds(String name) {
    Integer rounds = settings.limits().get(name);
    if (rounds == null) {
      throw new IllegalArgumentException("Unknown limit '" + name
          + "': add it under signaalketen.limits in application.yaml");
    }
    return rounds;
  }
}
