package nl.signaalketen.intake;

import java.security.Principal;
import java.util.List;

import nl.signaalketen.api.NotFoundException;
import nl.signaalketen.feedback.ReporterStatus;
import nl.signaalketen.feedback.ReporterStatus.Status;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reporter follows their own signals: status only. Another user's signal answers 404, exactly
 * like a signal that does not exist, so guessing case references reveals nothing.
 */
@RestController
@RequestMapping("/api/meldingen")
public class ReporterStatusController {

  private final ReporterStatus status;

  public ReporterStatusController(ReporterStatus status) {
    this.status = status;
  }

  @GetMapping
  public List<Status> mine(Principal user) {
    return status.reportedBy(user.getName());
  }

  @GetMapping("/{casusId}")
  public Status one(Principal user, @PathVariable String casusId) {
    return status.of(user.getName(), casusId)
        .orElseThrow(() -> new NotFoundException("U hebt geen melding met dit nummer gedaan."));
  }
}
