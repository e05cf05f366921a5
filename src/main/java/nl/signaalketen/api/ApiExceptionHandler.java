package nl.signaalketen.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
      // Jackson's message quotes the value: only the field and what was expected go back.
      String expected = mapping instanceof InvalidFormatException format
          ? (format.getTargetType() == String.class ? field + ": bevat tekens die niet in een tekst horen."
              : field + ": heeft niet de juiste vorm (verwacht: " + expectedType(format.getTargetType()) + ").")
          : mapping instanceof UnrecognizedPropertyException
              ? field + ": is geen veld van dit verzoek."
              : field + ": kan niet worden gelezen.";
      return badRequest(Map.of(field, expected));
    }
    return problem(HttpStatus.BAD_REQUEST, "De inhoud van het verzoek is geen geldige JSON.");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(Map.of(e.getName(), e.getName() + ": heeft niet de juiste vorm."));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return badRequest(Map.of(e.getParameterName(), e.getParameterName() + ": is verplicht."));
  }

  private static String expectedType(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "true of false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "een getal";
    }
    return java.time.temporal.Temporal.class.isAssignableFrom(type) ? "een datum, jjjj-mm-dd" : "tekst";
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
        "Ongeldige invoer in: " + String.join(", ", errors.keySet()));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
