package nl.signaalketen.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.deadlines.Limits;
import nl.signaalketen.formvalidation.FormRuleViolation;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * On complete of "Gezamenlijk wegen" (weging.bpmn): the weighing is joint and reasoned, or it is
 * refused with a FormRuleViolation naming the field, so the task stays open and nothing is stored.
 * Refused when gemeente, politie or OM has neither input nor a recorded reason for its absence
 * (the Inspectie JenV found weighings done by one partner alone), when more information is asked
 * after the last allowed round
 * ({@code limits.rounds('weging')}), and when the outcome is
 * a PGA while decision {@value #ADMISSION} says the case is not admissible to the ZVH. That last
 * check evaluates the decision of the process's own deployment, as the business rule task after
 * the weighing does. What the form itself requires (the outcome, the reasons) its form rules have
 * refused before this listener runs.
 */
@Component("wegingCompleet")
public class WeighingCompleteness implements TaskListener {

  static final String ADMISSION = "toelatingscriteria-zvh";
  static final String OUTCOME = "uitkomstWeging";
  static final List<String> CRITERIA = List.of("meerdereLeefgebieden", "ketenoverstijgendeSamenwerking",
      "impactOpGezin", "ernstigVeiligheidsprobleem");

  /** A weegploeg partner: the field for its input, the field for the reason it has none. */
  record Partner(String input, String reasonAbsent, String name) {}

  static final List<Partner> WEEGPLOEG = List.of(
      new Partner("inbrengGemeente", "redenGeenInbrengGemeente", "de gemeente (adviseur radicalisering)"),
      new Partner("inbrengPolitie", "redenGeenInbrengPolitie", "de politie (expert radicalisering)"),
      new Partner("inbrengOm", "redenGeenInbrengOm", "het OM (officier van justitie)"));

  private final DecisionService decisions;
  private final Limits limits;

  public WeighingCompleteness(DecisionService decisions, Limits limits) {
    this.decisions = decisions;
    this.limits = limits;
  }

  @Override
  public void notify(DelegateTask task) {
    for (Partner partner : WEEGPLOEG) {
      if (blank(task.getVariable(partner.input())) && blank(task.getVariable(partner.reasonAbsent()))) {
        throw new FormRuleViolation(partner.input(), "De inbreng van " + partner.name()
            + " ontbreekt. De weegploeg weegt gezamenlijk: leg de inbreng vast, of waarom "
            + partner.name() + " niet kon meewegen (" + partner.reasonAbsent() + ").");
      }
    }
    Object outcome = task.getVariable(OUTCOME);
    // Counted here, never taken from the submitted variables: the form only shows it as a hint.
    Number rounds = (Number) task.getVariable("meerInformatieRondes");
    int allowed = limits.rounds("weging");
    if ("meerInformatie".equals(outcome) && rounds != null && rounds.intValue() >= allowed) {
      throw new FormRuleViolation(OUTCOME, "Meer informatie kan niet meer: het maximum aantal informatierondes ("
          + allowed + ") is bereikt. Weeg op de informatie die er is: "
          + "geen actie, PGA of strafrechtelijk.");
    }
    if ("pga".equals(outcome)) {
      DmnDecisionResultEntries admission = admission(task);
      if (!Boolean.TRUE.equals(admission.getEntry("toelaatbaar"))) {
        throw new FormRuleViolation(OUTCOME, "Een persoonsgerichte aanpak via het Zorg- en Veiligheidshuis kan niet: "
            + admission.getEntry("reden") + ". Herzie de toelatingscriteria of kies een andere uitkomst.");
      }
    }
  }

  /**
   * The admission decision for the criteria as submitted. Engine-internal like the business rule
   * task: the chair needs no permission to evaluate decisions or read definitions.
   */
  private DmnDecisionResultEntries admission(DelegateTask task) {
    Map<String, Object> criteria = new HashMap<>();
    CRITERIA.forEach(name -> criteria.put(name, task.getVariable(name)));
    DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
    String deployment = cache.findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
    DecisionDefinition definition = cache.findDeployedDecisionDefinitionByDeploymentAndKey(deployment, ADMISSION);
    return Context.getCommandContext().runWithoutAuthorization(() -> decisions
        .evaluateDecisionById(definition.getId()).variables(criteria).evaluate().getSingleResult());
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
