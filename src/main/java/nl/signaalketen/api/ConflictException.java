package nl.signaalketen.api;

import java.util.List;

/** A change that would break a running case (e.g. leave an open task with nobody); becomes a 409. */
public class ConflictException extends RuntimeException {

  private final List<String> details;

  public ConflictException(String message, List<String> details) {
    super(message);
    this.details = List.copyOf(details);
  }

  public List<String> details() {
    return details;
  }
}
