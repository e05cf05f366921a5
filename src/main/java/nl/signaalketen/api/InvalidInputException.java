package nl.signaalketen.api;

import java.util.Map;
import java.util.TreeMap;

/** Input that breaks a rule; carries one message per offending field and becomes a 400. */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super("Invalid input: " + new TreeMap<>(fieldErrors));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  public Map<String, String> fieldErrors() {
    return new TreeMap<>(fieldErrors);
  }
}
