package nl.signaalketen.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.signaalketen.api.InvalidInputException;
import nl.signaalketen.api.NotFoundException;
import nl.signaalketen.network.NetworkInput.AssignmentChange;
import nl.signaalketen.network.NetworkInput.AssignmentEnd;
import nl.signaalketen.network.NetworkInput.NewAssignment;
import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.network.NetworkInput.NewPerson;
import nl.signaalketen.network.NetworkInput.OrganisationChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the registry goes through here: validated as a whole (nothing half-written),
 * mirrored into Camunda's identity, and announced so open tasks follow the new holders.
 */
@Service
public class NetworkService {

  private final NetworkRepository repository;
  private final IdentitySync identitySync;
  private final ApplicationEventPublisher events;
  private final Validator validator;
  private final Clock clock;

  public NetworkService(NetworkRepository repository, IdentitySync identitySync,
      ApplicationEventPublisher events, Validator validator, Clock clock) {
    this.repository = repository;
    this.identitySync = identitySync;
    this.events = events;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional
  public Organisation addOrganisation(NewOrganisation in) {
    Map<String, String> errors = violations(in);
    if (in.code() != null && repository.organisation(in.code()).isPresent()) {
      errors.put("code", "code: bestaat al.");
    }
    if (in.servedByZvh() != null) {
      if (in.type() != OrganisationType.GEMEENTE) {
        errors.put("servedByZvh", "servedByZvh: alleen een gemeente hoort bij de regio van een ZVH.");
      } else if (!hasType(in.servedByZvh(), OrganisationType.ZVH)) {
        errors.put("servedByZvh", "servedByZvh: is geen bekend Zorg- en Veiligheidshuis: " + in.servedByZvh());
      }
    }
    failOn(errors);
    Organisation organisation = new Organisation(in.code(), in.name(), in.type(), in.servedByZvh());
    repository.insert(organisation);
    return organisation;
  }

  /** A new name; Camunda's groups carry it, so they are mirrored again. */
  @Transactional
  public Organisation rename(String code, OrganisationChange in) {
    Organisation current = repository.organisation(code)
        .orElseThrow(() -> new NotFoundException("Geen organisatie met code " + code + "."));
    failOn(violations(in));
    repository.rename(code, in.name());
    identitySync.syncAll();
    return new Organisation(current.code(), in.name(), current.type(), current.servedByZvh());
  }

  @Transactional
  public Person addPerson(NewPerson in, String initialPassword) {
    Map<String, String> errors = violations(in);
    if (in.id() != null && repository.person(in.id()).isPresent()) {
      errors.put("id", "id: bestaat al.");
    } else if (in.id() != null && identitySync.isUserOutsideTheRegistry(in.id())) {
      // The administrators and the sealed member of camunda-admin are no professionals.
      errors.put("id", "id: is al een gebruiker buiten het netwerkregister (een beheerder).");
    }
    if (in.organisationCode() != null && repository.organisation(in.organisationCode()).isEmpty()) {
      errors.put("organisationCode", "organisationCode: is geen bekende organisatie: " + in.organisationCode());
    }
    failOn(errors);
    Person person = new Person(in.id(), in.name(), in.email(), in.organisationCode());
    repository.insert(person);
    identitySync.syncPerson(person, initialPassword);
    return person;
  }

  @Transactional
  public RoleAssignment assign(NewAssignment in) {
    Map<String, String> errors = violations(in);
    requireKnownPerson(in.personId(), "personId", errors);
    if (in.roleCode() != null && repository.role(in.roleCode()).isEmpty()) {
      errors.put("roleCode", "roleCode: is geen bekende rol: " + in.roleCode());
    }
    if (in.scopeCode() != null && !hasType(in.scopeCode(), OrganisationType.GEMEENTE)
        && !hasType(in.scopeCode(), OrganisationType.ZVH)) {
      errors.put("scopeCode", "scopeCode: moet een gemeente of een ZVH zijn: " + in.scopeCode());
    }
    LocalDate from = in.validFrom() != null ? in.validFrom() : today();
    checkPeriodAndDeputy(from, in.validTo(), in.deputyId(), in.personId(), errors);
    failOn(errors);
    RoleAssignment draft = new RoleAssignment(null, in.personId(), in.roleCode(), in.scopeCode(),
        from, in.validTo(), in.deputyId());
    long id = repository.insert(draft);
    afterChange(draft);
    return repository.assignment(id).orElseThrow();
  }

  @Transactional
  public RoleAssignment change(long id, AssignmentChange in) {
    RoleAssignment current = existing(id);
    Map<String, String> errors = violations(in);
    if (in.validFrom() != null) {
      checkPeriodAndDeputy(in.validFrom(), in.validTo(), in.deputyId(), current.personId(), errors);
    }
    failOn(errors);
    RoleAssignment changed = current.withPeriodAndDeputy(in.validFrom(), in.validTo(), in.deputyId());
    repository.update(changed);
    afterChange(changed);
    return changed;
  }

  @Transactional
  public RoleAssignment end(long id, AssignmentEnd in) {
    RoleAssignment current = existing(id);
    LocalDate end = in != null && in.endDate() != null ? in.endDate() : today();
    if (end.isBefore(current.validFrom())) {
      failOn(Map.of("endDate", "must not be before validFrom " + current.validFrom()));
    }
    if (current.validTo() != null && current.validTo().isBefore(end)) {
      return current; // already over by then: nothing changes
    }
    RoleAssignment ended = current.withPeriodAndDeputy(current.validFrom(), end, current.deputyId());
    repository.update(ended);
    afterChange(ended);
    return ended;
  }

  /** The gemeenten an assignment with this scope covers: the gemeente itself, or a ZVH's region. */
  private List<String> gemeentenCoveredBy(String scopeCode) {
    return hasType(scopeCode, OrganisationType.ZVH)
        ? repository.gemeentenServedBy(scopeCode) : List.of(scopeCode);
  }

  private void afterChange(RoleAssignment assignment) {
    identitySync.syncRoleGroup(assignment.roleCode());
    events.publishEvent(new RoleAssignmentsChanged(assignment.roleCode(),
        gemeentenCoveredBy(assignment.scopeCode())));
  }

  /** The assignment with this id; a NotFoundException (404) when there is none. */
  public RoleAssignment existing(long id) {
    return repository.assignment(id)
        .orElseThrow(() -> new NotFoundException("Geen roltoewijzing met id " + id + "."));
  }

  private void checkPeriodAndDeputy(LocalDate from, LocalDate to, String deputyId, String personId,
      Map<String, String> errors) {
    if (to != null && !to.isAfter(from)) {
      errors.put("validTo", "validTo: moet na validFrom (" + from + ") liggen.");
    }
    if (deputyId != null) {
      requireKnownPerson(deputyId, "deputyId", errors);
      if (deputyId.equals(personId)) {
        errors.put("deputyId", "deputyId: moet iemand anders zijn dan de rolhouder.");
      }
    }
  }

  private void requireKnownPerson(String id, String field, Map<String, String> errors) {
    if (id != null && !id.isBlank() && repository.person(id).isEmpty()) {
      errors.put(field, field + ": is geen bekende persoon.");
    }
  }

  private boolean hasType(String code, OrganisationType type) {
    Optional<Organisation> organisation = repository.organisation(code);
    return organisation.isPresent() && organisation.get().type() == type;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private <T> Map<String, String> violations(T input) {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    violations.forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(),
        (a, b) -> a + "; " + b));
    return errors;
  }

  private static void failOn(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
