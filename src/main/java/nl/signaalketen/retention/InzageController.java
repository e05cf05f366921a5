package nl.signaalketen.retention;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import nl.signaalketen.api.InvalidInputException;
import nl.signaalketen.api.NotFoundException;
import nl.signaalketen.casefile.PersonKeys;
import nl.signaalketen.retention.InzageExceptions.InzageException;
import nl.signaalketen.sharing.AccessLog;
import nl.signaalketen.sharing.CaseAccess;
import nl.signaalketen.sharing.CaseReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inzage for the privacyfunctionaris: {@code GET /api/inzage?bsn=} or {@code ?naam=&geboortedatum=}
 * exports everything held about the person; {@code POST /api/inzage/uitzonderingen} records what of
 * a case that export withholds, and why. Anyone else gets 403. The log names who asked, never whom.
 */
@RestController
@RequestMapping("/api/inzage")
public class InzageController {

  private static final Logger LOG = LoggerFactory.getLogger(InzageController.class);
  private static final String PERSON_NEEDED = "geef een bsn, of naam met geboortedatum.";

  /** The exception to record: the case, what is withheld (a variable name or subject), why. */
  public record NewException(String caseId, String withheld, String reason) {}

  static class NotPrivacyOfficer extends RuntimeException {}

  private final InzageExport export;
  private final InzageExceptions exceptions;
  private final CaseAccess access;
  private final CaseReads reads;
  private final PersonKeys keys;
  private final Clock clock;

  public InzageController(InzageExport export, InzageExceptions exceptions, CaseAccess access,
      CaseReads reads, PersonKeys keys, Clock clock) {
    this.reads = reads;
    this.export = export;
    this.exceptions = exceptions;
    this.access = access;
    this.keys = keys;
    this.clock = clock;
  }

  @GetMapping
  public InzageExport.Document export(@RequestParam(required = false) String bsn,
      @RequestParam(required = false) String naam,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate geboortedatum,
      Principal principal) {
    String user = privacyOfficer(principal);
    InzageExport.Document document = export.export(user, personKeys(bsn, naam, geboortedatum));
    document.cases().forEach(c -> reads.record(user, c.caseId(), AccessLog.EXPORT, AccessLog.API, "inzage"));
    LOG.info("Inzage by {}: {} case(s) exported", user, document.cases().size());
    return document;
  }

  @PostMapping("/uitzonderingen")
  @ResponseStatus(HttpStatus.CREATED)
  public InzageException record(@RequestBody NewException in, Principal principal) {
    String user = privacyOfficer(principal);
    Map<String, String> errors = new LinkedHashMap<>();
    require(errors, "caseId", in.caseId(), 64);
    require(errors, "withheld", in.withheld(), 100);
    require(errors, "reason", in.reason(), 2000);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    // The same answer for a case that does not exist and one of another gemeente.
    String caseRef = export.caseFor(user, in.caseId().trim())
        .orElseThrow(() -> new NotFoundException("Geen casus met dit nummer waarvoor u de privacyfunctionaris bent."));
    InzageException recorded = exceptions.record(caseRef, in.withheld().trim(), in.reason().trim(),
        user, LocalDateTime.now(clock));
    LOG.info("Inzage exception {} recorded by {}", recorded.id(), user);
    return recorded;
  }

  @ExceptionHandler(NotPrivacyOfficer.class)
  ProblemDetail forbidden() {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "Alleen de privacyfunctionaris kan inzage geven.");
  }

  private String privacyOfficer(Principal principal) {
    if (principal == null || !access.isPrivacyOfficer(principal.getName())) {
      throw new NotPrivacyOfficer();
    }
    return principal.getName();
  }

  /** The person key(s) to look for; both when a bsn and a name with date of birth are given. */
  Set<String> personKeys(String bsn, String naam, LocalDate geboortedatum) {
    boolean hasBsn = bsn != null && !bsn.isBlank();
    boolean hasName = naam != null && !naam.isBlank();
    Map<String, String> errors = new LinkedHashMap<>();
    if (hasBsn && !bsn.replaceAll("[\\s.]", "").matches("\\d{8,9}")) {
      errors.put("bsn", "bsn: moet uit 8 of 9 cijfers bestaan.");
    }
    if (!hasBsn && !hasName && geboortedatum == null) {
      errors.put("bsn", PERSON_NEEDED);
      errors.put("naam", PERSON_NEEDED);
      errors.put("geboortedatum", PERSON_NEEDED);
    } else if (hasName && geboortedatum == null) {
      errors.put("geboortedatum", "geboortedatum: is verplicht bij een naam.");
    } else if (!hasName && geboortedatum != null) {
      errors.put("naam", "naam: is verplicht bij een geboortedatum.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Set<String> keys = new LinkedHashSet<>();
    if (hasBsn) {
      keys.add(this.keys.of(bsn, null, null));
    }
    if (hasName) {
      keys.add(this.keys.of(null, naam, geboortedatum));
    }
    return keys;
  }

  private static void require(Map<String, String> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.put(field, field + ": mag niet leeg zijn.");
    } else if (value.trim().length() > max) {
      errors.put(field, field + ": mag hoogstens " + max + " tekens hebben.");
    }
  }
}
