package nl.signaalketen.formvalidation;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Which components a form hides ({@code conditional.hide}, a FEEL expression) for one set of
 * values. A start request checks its form three times (the gate's contract, the form's rules in
 * the same answer, the start listener), and one condition often guards several fields: parsing and
 * evaluating FEEL each time took 5% of the request threads in a bench profile. So each expression is parsed once
 * (expressions come from deployed forms only, hence a bounded cache) and evaluated once per set.
 */
final class HideConditions {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();
  private static final Cache<String, ParseResult> PARSED = Caffeine.newBuilder().maximumSize(5_000).build();

  private final Map<String, Object> values;
  private final Map<String, Boolean> answers = new HashMap<>();

  HideConditions(Map<String, Object> values) {
    this.values = values;
  }

  boolean hidden(JsonNode component) {
    String expression = component.path("conditional").path("hide").asText("");
    if (expression.isBlank()) {
      return false;
    }
    return answers.computeIfAbsent(expression, this::evaluate);
  }

  private boolean evaluate(String expression) {
    String feel = expression.startsWith("=") ? expression.substring(1) : expression;
    ParseResult parsed = PARSED.get(feel, FEEL::parseExpression);
    if (!parsed.isSuccess()) {
      return false; // as before: a condition that does not parse hides nothing
    }
    EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), new HashMap<>(values));
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }
}
