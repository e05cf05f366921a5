package nl.signaalketen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.signaalketen.testsupport.DecisionEvaluation;
import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every rule of processes/deelnemers-casusoverleg.dmn (hit policy COLLECT), evaluated by the
 * engine; the decision history shows which rule produced each participant.
 */
@IntegrationTest
class DeelnemersCasusoverlegDecisionTest {

  private static final String DECISION = "deelnemers-casusoverleg";

  @Autowired
  ProcessEngine engine;

  /** Rule id, the participant it adds, and the case feature that makes it apply (null: always). */
  static Stream<Arguments> rules() {
    return Stream.of(
        arguments("altijd-procesregisseur", "procesregisseur", null),
        arguments("altijd-voorzitter", "voorzitter-casusoverleg", null),
        arguments("altijd-gemeente", "adviseur-radicalisering", null),
        arguments("altijd-politie", "politie-expert-radicalisering", null),
        arguments("altijd-om", "officier-van-justitie", null),
        arguments("minderjarig-raad", "raadsonderzoeker", "minderjarig"),
        arguments("detentie-reclassering", "reclassering-ter", "detentieOfToezicht"),
        arguments("schoolgaand-school", "aandachtsfunctionaris-school", "schoolgaand"),
        arguments("duiding-nctv", "nctv-adviseur", "ideologischeDuidingNodig"));
  }

  @ParameterizedTest(name = "rule {0} invites {1} when {2} (null: always)")
  @MethodSource("rules")
  void eachRuleInvitesItsParticipantWhenItsConditionHolds(String ruleId, String participant, String feature) {
    Map<String, Object> inputs = inputs(false, false, false, false);
    if (feature != null) {
      inputs.put(feature, true);
    }

    Invitation invitation = evaluate(inputs);

    assertThat(invitation.participants()).contains(participant);
    assertThat(invitation.ruleFor(participant)).isEqualTo(ruleId);
  }

  static Stream<Arguments> conditionalRules() {
    return rules().filter(rule -> rule.get()[2] != null);
  }

  @ParameterizedTest(name = "rule {0} does not invite {1} when {2} is false")
  @MethodSource("conditionalRules")
  void aConditionalRuleDoesNotInviteItsParticipantWithoutItsCondition(String ruleId, String participant,
      String feature) {
    Map<String, Object> inputs = inputs(true, true, true, true);
    inputs.put(feature, false);

    assertThat(evaluate(inputs).participants()).doesNotContain(participant).hasSize(8);
  }

  @Test
  void invitesOnlyTheFiveCorePartnersForACaseWithoutSpecialFeatures() {
    assertThat(evaluate(inputs(false, false, false, false)).participants()).containsExactly(
        "procesregisseur", "voorzitter-casusoverleg", "adviseur-radicalisering",
        "politie-expert-radicalisering", "officier-van-justitie");
  }

  @Test
  void invitesAllNineWhenEveryFeatureApplies() {
    assertThat(evaluate(inputs(true, true, true, true)).participants()).hasSize(9).doesNotHaveDuplicates();
  }

  @Test
  void treatsAnUnknownFeatureAsNotApplying() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("minderjarig", null);
    inputs.put("detentieOfToezicht", null);
    inputs.put("schoolgaand", null);
    inputs.put("ideologischeDuidingNodig", null);

    assertThat(evaluate(inputs).participants()).hasSize(5).doesNotContain("raadsonderzoeker");
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, Object> inputs(boolean minderjarig, boolean detentieOfToezicht,
      boolean schoolgaand, boolean ideologischeDuidingNodig) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("minderjarig", minderjarig);
    inputs.put("detentieOfToezicht", detentieOfToezicht);
    inputs.put("schoolgaand", schoolgaand);
    inputs.put("ideologischeDuidingNodig", ideologischeDuidingNodig);
    return inputs;
  }

  /** The participants in rule order, and per participant the rule that produced it (from history). */
  record Invitation(List<String> participants, Map<String, String> ruleByParticipant) {
    String ruleFor(String participant) {
      return ruleByParticipant.get(participant);
    }
  }

  private Invitation evaluate(Map<String, Object> inputs) {
    DecisionEvaluation evaluation = DecisionEvaluation.evaluate(engine, DECISION, inputs);
    Map<String, String> rules = evaluation.history().getOutputs().stream().collect(Collectors.toMap(
        o -> (String) o.getValue(), HistoricDecisionOutputInstance::getRuleId));
    return new Invitation(evaluation.result().collectEntries("deelnemer"), rules);
  }
}
