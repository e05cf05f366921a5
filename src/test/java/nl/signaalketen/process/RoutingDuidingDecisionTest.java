package nl.signaalketen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.signaalketen.testsupport.DecisionEvaluation;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule row of processes/routering-duiding.dmn (hit policy FIRST), evaluated through the real
 * engine; the engine's decision history names the row that gave the result, so a row that another
 * row shadows is noticed.
 */
@IntegrationTest
class RoutingDuidingDecisionTest {

  private static final String DECISION = "routering-duiding";
  private static final Map<String, String> INPUT_CLAUSES = Map.of(
      "invoer-informatie-toereikend", "informatieToereikend",
      "invoer-mogelijke-radicalisering", "mogelijkeRadicalisering",
      "invoer-zorgbehoefte", "zorgbehoefte");

  @Autowired
  ProcessEngine engine;

  static Stream<Arguments> rows() {
    return Stream.of(
        row("regel-meer-informatie", "insufficient information asks for more, whatever else is ticked",
            false, true, true, "meerInformatie"),
        row("regel-meer-informatie", "insufficient information without any concern still asks for more",
            false, false, false, "meerInformatie"),
        row("regel-weging", "possible radicalisation goes to the weging even with a care need",
            true, true, true, "weging"),
        row("regel-weging", "possible radicalisation without a care need goes to the weging",
            true, true, false, "weging"),
        row("regel-zorg", "a care need without radicalisation goes to the sociaal wijkteam",
            true, false, true, "zorg"),
        row("regel-geen-zorg", "no radicalisation and no care need closes the melding",
            true, false, false, "geenZorg"),
        row("regel-vangnet", "a missing answer never closes the melding but asks for more",
            true, null, null, "meerInformatie"),
        row("regel-vangnet", "a missing information answer asks for more even with radicalisation ticked",
            null, true, false, "meerInformatie"));
  }

  private static Arguments row(String rule, String sentence, Boolean informatieToereikend,
      Boolean mogelijkeRadicalisering, Boolean zorgbehoefte, String uitkomst) {
    return Arguments.of(rule, sentence, informatieToereikend, mogelijkeRadicalisering, zorgbehoefte, uitkomst);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void eachRuleRowGivesItsOutcome(String rule, String sentence, Boolean informatieToereikend,
      Boolean mogelijkeRadicalisering, Boolean zorgbehoefte, String uitkomst) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("informatieToereikend", informatieToereikend);
    inputs.put("mogelijkeRadicalisering", mogelijkeRadicalisering);
    inputs.put("zorgbehoefte", zorgbehoefte);

    DecisionEvaluation evaluation = DecisionEvaluation.evaluate(engine, DECISION, inputs);
    DmnDecisionTableResult result = evaluation.result();

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(uitkomst);
    assertThat(byVariable(evaluation.inputsByClause())).as("what the input clauses read").isEqualTo(inputs);
    assertThat(evaluation.matchedRules()).containsExactly(rule);
  }

  @Test
  void everyRuleRowIsTestedAndTheOutcomesAreTheFourTheProcessRoutes() {
    DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).latestVersion().singleResult();
    DecisionTable table = engine.getRepositoryService().getDmnModelInstance(definition.getId())
        .getModelElementById("routering-duiding-tabel");

    List<String> ruleIds = table.getRules().stream().map(Rule::getId).toList();
    List<String> tested = rows().map(a -> (String) a.get()[0]).distinct().toList();
    assertThat(tested).containsExactlyInAnyOrderElementsOf(ruleIds);
    assertThat(table.getHitPolicy().name()).isEqualTo("FIRST");
    assertThat(table.getRules()).allSatisfy(rule ->
        assertThat(rule.getDescription()).as("documentation of %s", rule.getId()).isNotNull());
    assertThat(table.getOutputs()).singleElement().satisfies(output ->
        assertThat(Arrays.asList(output.getOutputValues().getText().getTextContent().split(",")))
            .containsExactly("\"geenZorg\"", "\"zorg\"", "\"weging\"", "\"meerInformatie\""));
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
    assertThat(definition.getVersionTag()).isNotBlank();
  }

  /** The input clauses' values by the variable each reads (an unknown clause under null). */
  private static Map<String, Object> byVariable(Map<String, Object> byClause) {
    Map<String, Object> values = new HashMap<>();
    byClause.forEach((clause, value) -> values.put(INPUT_CLAUSES.get(clause), value));
    return values;
  }
}
