package nl.signaalketen.casefile;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import nl.signaalketen.security.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partners' contributions to a weighing (weging.bpmn), in sk_weighing_contribution rather than
 * in process variables: the partners' "Informatie aanleveren" tasks run side by side, and Tasklist
 * sends every variable visible from a task to the browser, so a contribution kept on the process
 * would reach the other partners (the Raad would read the police's information). As the complete
 * listener of that task it stores the contribution; {@link #overzicht} gives the joint weighing
 * task its own copy, local to that task. Writes join the step's transaction: a refused step
 * stores nothing.
 */
@Component("wegingBijdragen")
public class WeighingContributions implements TaskListener {

  static final String CONTRIBUTES = "informatie";

  /** One partner's answer in one round; the justification fields are empty when it had nothing. */
  public record Contribution(Long id, String casusId, String wegingInstanceId, int roundNo,
      String partnerRole, boolean contributes, String summary, String purpose, String legalBasis,
      String proportionality, String subsidiarity, boolean specialCategories,
      String specialCategoryKinds, String reasonNone, String sharedBy, LocalDateTime sharedAt) {

    /** The paragraph the weegploeg reads in "Gezamenlijk wegen". */
    String paragraph() {
      String head = "Ronde " + roundNo + " - " + partnerRole + "\n";
      if (!contributes) {
        return head + "Niets bij te dragen: " + text(reasonNone);
      }
      return head + "Gedeeld: " + text(summary) + "\nDoel: " + text(purpose) + "\nGrondslag: "
          + text(legalBasis) + "\nProportionaliteit: " + text(proportionality) + "\nSubsidiariteit: "
          + text(subsidiarity) + "\nBijzondere persoonsgegevens: "
          + (specialCategories ? "ja, " + text(specialCategoryKinds) : "nee");
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public WeighingContributions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Complete of "Informatie aanleveren": this partner's answer, whatever it was. */
  @Override
  public void notify(DelegateTask task) {
    boolean contributes = CONTRIBUTES.equals(task.getVariable("bijdrage"));
    boolean special = contributes && Boolean.TRUE.equals(task.getVariable("bijzondereGegevens"));
    Object round = task.getVariable("ronde");
    add(new Contribution(null, CaseKeys.caseOf(task.getExecution()), task.getProcessInstanceId(),
        round == null ? 1 : ((Number) round).intValue(), String.valueOf(task.getVariable("partnerRol")),
        contributes, contributes ? text(task, "samenvatting") : null, contributes ? text(task, "doel") : null,
        contributes ? text(task, "grondslag") : null, contributes ? text(task, "proportionaliteit") : null,
        contributes ? text(task, "subsidiariteit") : null, special,
        special ? text(task, "soortBijzondereGegevens") : null,
        contributes ? null : text(task, "redenGeenBijdrage"), ActingUser.of(task), LocalDateTime.now(clock)));
  }

  void add(Contribution c) {
    jdbc.sql("insert into sk_weighing_contribution (casus_id, weging_instance_id, round_no, partner_role,"
            + " contributes, summary, purpose, legal_basis, proportionality, subsidiarity, special_categories,"
            + " special_category_kinds, reason_none, shared_by, shared_at) values (:casusId, :wegingInstanceId,"
            + " :roundNo, :partnerRole, :contributes, :summary, :purpose, :legalBasis, :proportionality,"
            + " :subsidiarity, :specialCategories, :specialCategoryKinds, :reasonNone, :sharedBy, :sharedAt)")
        .paramSource(c).update();
  }

  /** The contributions to one weging instance, in the order they came in. */
  public List<Contribution> forWeging(String wegingInstanceId) {
    return jdbc.sql("select * from sk_weighing_contribution where weging_instance_id = ? order by id")
        .param(wegingInstanceId).query(Contribution.class).list();
  }

  /**
   * Every contribution so far, one paragraph each: the input parameter bijdragenOverzicht of
   * "Gezamenlijk wegen", so only that task (the weegploeg) receives it.
   */
  public String overzicht(DelegateExecution execution) {
    return forWeging(execution.getProcessInstanceId()).stream().map(Contribution::paragraph)
        .collect(Collectors.joining("\n\n"));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
