package nl.signaalketen.sharing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import nl.signaalketen.api.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing register over HTTP. Participants of a case (and the privacy officer) list and add
 * entries; anyone else gets 404, so a guessed case reference reveals nothing. Entries cannot be
 * changed or deleted: such a request answers 405 and is itself logged.
 */
@RestController
@RequestMapping("/api")
public class SharingController {

  private static final String CASE = "/cases/{casusId}/sharing";

  private final SharingRegister register;
  private final AccessLog accessLog;
  private final CaseAccess access;
  private final CaseReads reads;
  private final Validator validator;
  private final Clock clock;

  public SharingController(SharingRegister register, AccessLog accessLog, CaseAccess access, CaseReads reads,
      Validator validator, Clock clock) {
    this.reads = reads;
    this.register = register;
    this.accessLog = accessLog;
    this.access = access;
    this.validator = validator;
    this.clock = clock;
  }

  @GetMapping(CASE)
  public List<SharingEntry> list(@PathVariable String casusId) {
    String user = allowedUser(casusId);
    List<SharingEntry> entries = register.forCase(casusId);
    logReads(user, casusId, entries, AccessLog.READ, "deelregister");
    return entries;
  }

  @GetMapping(CASE + "/{entryId}")
  public SharingEntry entry(@PathVariable String casusId, @PathVariable long entryId) {
    String user = allowedUser(casusId);
    SharingEntry entry = register.find(entryId).filter(e -> e.casusId().equals(casusId))
        .orElseThrow(() -> new NotFoundException("Deze registratie bestaat niet."));
    logReads(user, casusId, List.of(entry), AccessLog.READ, "deelregister " + entryId);
    return entry;
  }

  @PostMapping(CASE)
  public ResponseEntity<SharingEntry> record(@PathVariable String casusId, @RequestBody ManualShare share) {
    String user = allowedUser(casusId);
    share.validate(validator);
    SharingEntry entry = register.insert(new SharingEntry(null, casusId, LocalDateTime.now(clock), user,
        SharingEntry.MANUAL, share.from(), share.to(), share.purpose(), share.legalBasis(), share.proportionality(),
        share.subsidiarity(), share.dataCategories(), share.special(), share.special() ? share.specialCategoryKinds() : null,
        share.personInformed(), share.personInformed() ? null : share.reasonNotInformed()));
    return ResponseEntity.created(URI.create("/api/cases/" + casusId + "/sharing/" + entry.id())).body(entry);
  }

  /** Append-only: refused for everyone, and the attempt is logged (who, which case, which entry). */
  @RequestMapping(path = {CASE, CASE + "/{entryId}"},
      method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
  public ResponseEntity<ProblemDetail> change(@PathVariable String casusId,
      @PathVariable(required = false) String entryId, HttpServletRequest request) {
    accessLog.record(CaseAccess.currentUser(), casusId, AccessLog.CHANGE_ATTEMPT, "deelregister", AccessLog.API,
        request.getMethod() + (entryId == null ? " deelregister" : " deelregister " + entryId));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "Het deelregister wordt alleen aangevuld: een registratie wordt nooit gewijzigd of verwijderd. Leg een nieuwe registratie vast.");
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .allow(entryId == null ? new HttpMethod[] {HttpMethod.GET, HttpMethod.POST} : new HttpMethod[] {HttpMethod.GET})
        .body(problem);
  }

  /** Every entry, for the privacy officer only: CSV (default) or JSON ({@code ?format=json}). */
  @GetMapping("/sharing/export")
  public ResponseEntity<?> export(@RequestParam(defaultValue = "csv") String format) {
    String user = CaseAccess.currentUser();
    if (user == null || !access.isPrivacyOfficer(user)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          "Alleen de privacyfunctionaris exporteert het deelregister."));
    }
    // Only the cases of the gemeenten this officer answers for, as in inzage.
    Map<String, List<SharingEntry>> perCase = register.all().stream()
        .collect(Collectors.groupingBy(SharingEntry::casusId, TreeMap::new, Collectors.toList()));
    perCase.keySet().retainAll(access.answeredFor(user, perCase.keySet()));
    List<SharingEntry> entries = perCase.values().stream().flatMap(List::stream)
        .sorted(java.util.Comparator.comparing(SharingEntry::id)).toList();
    perCase.forEach((casus, ofCase) -> logReads(user, casus, ofCase, AccessLog.EXPORT, "export deelregister"));
    if ("json".equalsIgnoreCase(format)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"deelregister.csv\"")
        .body(SharingCsv.of(entries));
  }

  /** The signed-in user if they may see this case; otherwise the same 404 as for no case at all. */
  private String allowedUser(String casusId) {
    String user = CaseAccess.currentUser();
    if (casusId.length() > 64 || !access.mayRead(user, casusId)) {
      throw new NotFoundException("Geen deelregister voor deze casus.");
    }
    return user;
  }

  /** Every read of a case's entries is logged. */
  private void logReads(String user, String casusId, List<SharingEntry> entries, String kind, String what) {
    if (!entries.isEmpty()) {
      reads.record(user, casusId, kind, AccessLog.API, what);
    }
  }
}
