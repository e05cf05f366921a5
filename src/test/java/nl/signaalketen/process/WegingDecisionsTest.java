package nl.signaalketen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.signaalketen.testsupport.DecisionEvaluation;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every rule row of processes/partners-weging.dmn and processes/toelatingscriteria-zvh.dmn,
 * evaluated by the real engine. Each case names the rule it is about, checks the result and checks
 * in the decision history that this rule matched.
 */
@IntegrationTest
class WegingDecisionsTest {

  private static final List<String> WEEGPLOEG =
      List.of("adviseur-radicalisering", "politie-expert-radicalisering", "officier-van-justitie");

  @Autowired
  ProcessEngine engine;

  static Stream<Arguments> partnersWeging() {
    return Stream.of(
        Arguments.of("altijd-gemeente", "the gemeente always contributes", false, false, WEEGPLOEG),
        Arguments.of("altijd-politie", "the politie always contributes, also when flags are unknown", null, null, WEEGPLOEG),
        Arguments.of("altijd-om", "the OM always contributes, also beside the Raad and the Reclassering", true, true,
            plus("raadsonderzoeker", "reclassering-ter")),
        Arguments.of("minderjarig-raad", "a minor adds the Raad voor de Kinderbescherming", true, false,
            plus("raadsonderzoeker")),
        Arguments.of("detentie-reclassering", "detention or supervision adds the Reclassering", false, true,
            plus("reclassering-ter")));
  }

  @ParameterizedTest(name = "partners-weging rule {0}: {1}")
  @MethodSource
  void partnersWeging(String rule, String meaning, Boolean minderjarig, Boolean detentieOfToezicht,
      List<String> partners) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("minderjarig", minderjarig);
    variables.put("detentieOfToezicht", detentieOfToezicht);

    DecisionEvaluation evaluation = DecisionEvaluation.evaluate(engine, "partners-weging", variables);

    assertThat(evaluation.result().collectEntries("rol")).isEqualTo(partners);
    assertThat(evaluation.matchedRules()).contains(rule);
  }

  static Stream<Arguments> toelatingscriteriaZvh() {
    return Stream.of(
        Arguments.of("ernstig-veiligheidsprobleem", "a serious local safety problem alone is enough",
            false, false, false, true, true, "ernstig lokaal veiligheidsprobleem"),
        Arguments.of("alle-drie-criteria", "several life domains, cross-chain need and family impact together",
            true, true, true, false, true, "meerdere leefgebieden"),
        Arguments.of("geen-meerdere-leefgebieden", "one life domain is not enough",
            false, true, true, false, false, "geen problemen op meerdere leefgebieden"),
        Arguments.of("geen-ketenoverstijgende-samenwerking", "regular care suffices",
            true, false, true, false, false, "geen ketenoverstijgende samenwerking nodig"),
        Arguments.of("geen-impact-op-gezin", "no impact on the family or social system",
            true, true, false, false, false, "geen impact op gezin of sociaal systeem"),
        Arguments.of("criteria-niet-vastgelegd", "criteria left empty are not admissible",
            null, null, null, null, false, "niet volledig vastgelegd"));
  }

  @ParameterizedTest(name = "toelatingscriteria-zvh rule {0}: {1}")
  @MethodSource
  void toelatingscriteriaZvh(String rule, String meaning, Boolean meerdereLeefgebieden, Boolean ketenoverstijgend,
      Boolean impactOpGezin, Boolean ernstigVeiligheidsprobleem, boolean toelaatbaar, String reden) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("meerdereLeefgebieden", meerdereLeefgebieden);
    variables.put("ketenoverstijgendeSamenwerking", ketenoverstijgend);
    variables.put("impactOpGezin", impactOpGezin);
    variables.put("ernstigVeiligheidsprobleem", ernstigVeiligheidsprobleem);

    DecisionEvaluation evaluation = DecisionEvaluation.evaluate(engine, "toelatingscriteria-zvh", variables);
    DmnDecisionRuleResult result = evaluation.result().getSingleResult();

    assertThat(result.<Boolean>getEntry("toelaatbaar")).isEqualTo(toelaatbaar);
    assertThat(result.<String>getEntry("reden")).contains(reden);
    // Hit policy FIRST: one rule row.
    assertThat(evaluation.matchedRules()).containsExactly(rule);
  }

  private static List<String> plus(String... extra) {
    return Stream.concat(WEEGPLOEG.stream(), Stream.of(extra)).toList();
  }
}
