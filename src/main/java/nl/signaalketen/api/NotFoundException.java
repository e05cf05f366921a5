package nl.signaalketen.api;

/** An id in the path that names nothing (or nothing the caller may see); becomes a 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
