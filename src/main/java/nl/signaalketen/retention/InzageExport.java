package nl.signaalketen.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.engine.EngineReads;
import nl.signaalketen.network.IdentitySync;
import nl.signaalketen.retention.InzageExceptions.InzageException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Inzage (DOMAIN.md rule 6): everything held about a person, found by the pseudonymous person key,
 * in one document per request. Only the privacyfunctionaris, and only for cases of a gemeente the
 * officer's role assignment covers (each gemeente answers for its own cases). The officer's right
 * is checked here, so the engine is read without the officer's own Camunda authorizations.
 */
@Component
public class InzageExport {

  public record Document(String requestedBy, Instant requestedAt, List<CaseExport> cases) {}

  public record CaseExport(String caseId, String gemeente, String status, Instant opened,
      Instant closed, String retentionCategory, LocalDate retainedUntil,
      List<ProcessExport> processes, List<Map<String, Object>> weighingContributions,
      List<Map<String, Object>> sharingRegister,
      List<Map<String, Object>> accessLog, List<Map<String, Object>> notifications,
      List<InzageException> exceptions) {}

  public record ProcessExport(String process, String instanceId, Instant started, Instant ended,
      List<VariableExport> variables) {}

  public record VariableExport(String name, Object value) {}

  private final HistoryService history;
  private final EngineReads reads;
  private final CaseHistory cases;
  private final CaseTables tables;
  static final String REPORTER = "melder";
  static final String REPORTER_REASON = "Gegevens van de melder zijn persoonsgegevens van een ander"
      + " (artikel 15 lid 4 AVG): altijd achtergehouden.";

  private final InzageExceptions exceptions;
  private final CandidateResolver resolver;
  private final RetentionSettings settings;
  private final Clock clock;

  public InzageExport(HistoryService history, EngineReads reads, CaseHistory cases,
      CaseTables tables, InzageExceptions exceptions, CandidateResolver resolver,
      RetentionSettings settings, Clock clock) {
    this.history = history;
    this.reads = reads;
    this.cases = cases;
    this.tables = tables;
    this.exceptions = exceptions;
    this.resolver = resolver;
    this.settings = settings;
    this.clock = clock;
  }

  public Document export(String user, Collection<String> personKeys) {
    List<CaseExport> found = reads.unrestricted(() -> mainInstances(personKeys).stream()
        .map(main -> toCase(user, main)).flatMap(Optional::stream).toList());
    return new Document(user, clock.instant(), found);
  }

  /** The case reference, when the case exists and this officer answers for it. */
  public Optional<String> caseFor(String user, String caseRef) {
    return reads.unrestricted(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseKeys.CHAIN_PROCESS).variableValueEquals(CaseKeys.CASE_ID, caseRef)
        .list().stream().filter(main -> answersFor(user, gemeente(main.getId())))
        .map(cases::caseRef).findFirst());
  }

  /**
   * Main instances by person key, oldest first. History level full: the history holds the running
   * instances too. A case found by both keys (bsn, name with date of birth) appears once.
   */
  private List<HistoricProcessInstance> mainInstances(Collection<String> personKeys) {
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    for (String key : personKeys) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseKeys.CHAIN_PROCESS)
          .variableValueEquals(CaseKeys.PERSON_KEY, key).list().forEach(p -> byId.putIfAbsent(p.getId(), p));
    }
    return byId.values().stream().sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
        .thenComparing(HistoricProcessInstance::getId)).toList();
  }

  private Optional<CaseExport> toCase(String user, HistoricProcessInstance main) {
    String gemeente = gemeente(main.getId());
    if (!answersFor(user, gemeente)) {
      return Optional.empty();
    }
    String caseRef = cases.caseRef(main);
    List<HistoricProcessInstance> instances = cases.instances(caseRef, main.getId());
    List<InzageException> recorded = new java.util.ArrayList<>(exceptions.forCase(caseRef));
    // The reporter's identity is a third party's personal data: always withheld, and said so.
    recorded.add(0, new InzageException(0, caseRef, REPORTER, REPORTER_REASON, "signaalketen", null));
    Withholding withholding = new Withholding(recorded.stream().map(InzageException::withheld).toList());

    Map<String, List<VariableExport>> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance v : cases.variables(instances.stream().map(p -> p.getId()).toList())) {
      Object value = ExportValues.plain(v.getValue());
      if (!withholding.withholds(v.getName(), value)) {
        variables.computeIfAbsent(v.getProcessInstanceId(), id -> new java.util.ArrayList<>())
            .add(new VariableExport(v.getName(), withholding.filter(value)));
      }
    }
    List<ProcessExport> processes = instances.stream().map(p -> new ProcessExport(
        p.getProcessDefinitionKey(), p.getId(), instant(p.getStartTime()), instant(p.getEndTime()),
        variables.getOrDefault(p.getId(), List.of()))).toList();

    Map<String, List<Map<String, Object>>> rows = tables.rows(caseRef);
    boolean closed = main.getEndTime() != null;
    RetentionCategory category = closed ? CaseHistory.category(instances) : null;
    LocalDate retainedUntil = closed ? settings.expiresOn(
        LocalDate.ofInstant(main.getEndTime().toInstant(), clock.getZone()), category) : null;
    return Optional.of(new CaseExport(caseRef, gemeente, closed ? "afgesloten" : "lopend",
        instant(main.getStartTime()), instant(main.getEndTime()),
        category == null ? null : category.code(), retainedUntil, processes,
        section(rows, CaseTables.WEIGHING_CONTRIBUTIONS, withholding),
        section(rows, CaseTables.SHARING_REGISTER, withholding),
        section(rows, CaseTables.ACCESS_LOG, withholding),
        section(rows, CaseTables.NOTIFICATIONS, withholding), recorded));
  }

  private boolean answersFor(String user, String gemeente) {
    return resolver.candidates(IdentitySync.PRIVACY_OFFICER, gemeente).contains(user);
  }

  private String gemeente(String mainInstanceId) {
    return reads.historicValue(mainInstanceId, CaseVariables.GEMEENTE);
  }

  private static List<Map<String, Object>> section(Map<String, List<Map<String, Object>>> rows,
      String table, Withholding withholding) {
    // Who a message went to (the reporter, a professional) is someone else's data.
    return rows.get(table).stream().map(ExportValues::plainRow)
        .map(row -> {
          Map<String, Object> kept = new LinkedHashMap<>(row);
          kept.remove("recipient");
          return kept;
        })
        .filter(withholding::keeps).toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
