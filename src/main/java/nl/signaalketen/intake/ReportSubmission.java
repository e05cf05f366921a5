package nl.signaalketen.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.signaalketen.casefile.CaseKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The last step of informatie-delen: the professional's documented signal becomes a melding at the
 * gemeente's meldpunt (a new signaalketen case). Partners may not start the chain themselves in
 * Tasklist, so this step starts it on behalf of the organisation, outside the user's own rights.
 */
@Component("meldingIndienen")
public class ReportSubmission implements JavaDelegate {

  /** What informatie-delen passes on; everything else stays inside the partner organisation. */
  static final List<String> PASSED_ON = List.of("gemeente", "melderNaam", "melderOrganisatie", "melderContact",
      "melderType", "signaal", "meningen", "bronnen", "tegenindicaties", "betrokkeneNaam",
      "geboortedatum", "acuutGevaar", "adviesGekregen", "stappenGezet");

  private final RuntimeService runtime;
  private final IdentityService identity;

  public ReportSubmission(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> melding = new HashMap<>();
    for (String name : PASSED_ON) {
      Object value = execution.getVariable(name);
      if (value != null) {
        melding.put(name, value);
      }
    }
    melding.putIfAbsent("melderType", "professional");
    Authentication user = identity.getCurrentAuthentication();
    if (user != null) {
      melding.put("melderGebruiker", user.getUserId()); // the reporter may follow the status
    }
    // Started as the engine, not as the partner: a partner has no right to start the chain (only
    // the meldpunt has); handing its melding over is what this step is for.
    identity.clearAuthentication();
    try {
      String started = runtime.startProcessInstanceByKey(CaseKeys.CHAIN_PROCESS, melding).getId();
      execution.setVariable("meldingCasus", started);
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
