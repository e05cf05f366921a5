package nl.signaalketen.feedback;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Terugkoppeling aan de melder: tells the reporter where their signal stands, status only. A
 * service task uses it with the input parameter {@code moment}; the reporter is reached through
 * {@code melderContact}.
 */
@Component("terugkoppelingMelder")
public class ReporterFeedback implements JavaDelegate {

  /** Status per moment; deliberately nothing about the person or the content of the case. */
  static final Map<String, String> STATUS = Map.of(
      "ontvangst", "Uw melding is ontvangen en wordt beoordeeld door de gemeente.",
      "opgepakt", "Uw melding is opgepakt en wordt verder gewogen door de gemeente en haar partners.",
      "nietOpgepakt", "Uw melding is beoordeeld. Er volgt geen verdere aanpak vanuit het meldpunt.",
      "overgedragen", "Uw melding is beoordeeld en overgedragen aan de reguliere zorg.",
      "casusoverlegJa", "Over uw melding wordt een casusoverleg gehouden in het Zorg- en Veiligheidshuis.",
      "casusoverlegNee", "Na weging wordt over uw melding geen casusoverleg gehouden.",
      "afsluiting", "De casus naar aanleiding van uw melding is afgesloten.",
      "toegevoegd", "Uw melding is toegevoegd aan een lopende casus.");

  private final NotificationChannel channel;

  public ReporterFeedback(NotificationChannel channel) {
    this.channel = channel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String moment = String.valueOf(execution.getVariableLocal("moment"));
    String status = STATUS.get(moment);
    if (status == null) {
      throw new IllegalArgumentException("Unknown feedback moment '" + moment + "'; known: "
          + STATUS.keySet());
    }
    Object contact = execution.getVariable("melderContact");
    if (contact == null || contact.toString().isBlank()) {
      return; // an anonymous reporter cannot be told anything
    }
    Object caseRef = execution.getVariable("casusId");
    channel.send(new Notification("terugkoppeling-" + moment, contact.toString(),
        caseRef == null ? null : caseRef.toString(), "Stand van uw melding", status));
  }
}
