package nl.signaalketen.gate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.signaalketen.formvalidation.FormRules;

/**
 * The gate's answer when it refuses: Camunda's error shape ({"type", "message"}, which Tasklist
 * shows), in Dutch, with the offending fields under "errors". Never a submitted value.
 */
final class Refusal extends RuntimeException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final Map<String, String> errors;

  Refusal(int status, String message) {
    this(status, message, Map.of());
  }

  private Refusal(int status, String message, Map<String, String> errors) {
    super(message, null, false, false);
    this.status = status;
    this.errors = errors;
  }

  static Refusal badRequest(String message) {
    return new Refusal(400, message);
  }

  static Refusal forbidden(String message) {
    return new Refusal(403, message);
  }

  static Refusal notFound(String message) {
    return new Refusal(404, message);
  }

  /** A 400 naming every field that broke the form's contract, one sentence each. */
  static Refusal fields(List<FormRules.Violation> violations) {
    Map<String, String> errors = new LinkedHashMap<>();
    violations.forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + " " + b));
    return new Refusal(400, String.join(" ", errors.values()), errors);
  }

  int status() {
    return status;
  }

  void writeTo(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", switch (status) {
      case 400 -> "OngeldigVerzoek";
      case 401 -> "NietAangemeld";
      case 404 -> "NietGevonden";
      case 413 -> "TeGroot";
      default -> "Geweigerd";
    });
    body.put("message", getMessage());
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
