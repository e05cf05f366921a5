package nl.signaalketen.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns our exceptions into RFC 9457 problem responses: the status, a sentence, and for bad input
 * an {@code errors} object naming each offending field. Never a stack trace.
 */
@RestControllerAdvice(basePackages = "nl.signaalketen")
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return badRequest(e.fieldErrors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    Map<String, String> errors = e.getBindingResult().getFieldErrors().stream()
        .collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()),
            (a, b) -> a + "; " + b, LinkedHashMap::new));
    return badRequest(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      String expected = mapping instanceof InvalidFormatException format
          ? "has the wrong format (expected " + format.getTargetType().getSimpleName() + ")"
          : "cannot be read";
      return badRequest(Map.of(field, expected));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(Map.of(e.getName(), "has the wrong format"));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage());
    problem.setProperty("details", e.details());
    return problem;
  }

  private static ProblemDetail badRequest(Map<String, String> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
        "Invalid input in: " + String.join(", ", errors.keySet()));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
