package nl.signaalketen.gate;

import static nl.signaalketen.gate.ClientKind.ADMINISTRATOR;
import static nl.signaalketen.gate.ClientKind.ALL;
import static nl.signaalketen.gate.ClientKind.MANAGER;
import static nl.signaalketen.gate.ClientKind.PROFESSIONAL;
import static nl.signaalketen.gate.Operation.Check.CLAIM;
import static nl.signaalketen.gate.Operation.Check.NONE;
import static nl.signaalketen.gate.Operation.Check.NOT_SEALED;
import static nl.signaalketen.gate.Operation.Check.OWN_TASK;
import static nl.signaalketen.gate.Operation.Check.OWN_USER;
import static nl.signaalketen.gate.Operation.Check.QUERY;
import static nl.signaalketen.gate.Operation.Check.START_FORM;
import static nl.signaalketen.gate.Operation.Check.TASK_QUERY;
import static nl.signaalketen.gate.Operation.Check.TASK_FORM;
import static nl.signaalketen.gate.Operation.Check.UNCLAIM;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The REST operations each kind of client may use, and why; anything not listed is refused. The
 * list is what Camunda's webapps call for each kind of user (Tasklist for professionals, Cockpit
 * for managers, Cockpit and Admin for the administrator), and it is the README's table. The first
 * listed operation that matches and allows the caller applies.
 */
@Component
class RestOperations {

  private static final Set<ClientKind> P = Set.of(PROFESSIONAL);
  private static final Set<ClientKind> M = Set.of(MANAGER);
  private static final Set<ClientKind> A = Set.of(ADMINISTRATOR);
  private static final Set<ClientKind> MA = Set.of(MANAGER, ADMINISTRATOR);
  private static final Set<ClientKind> PA = Set.of(PROFESSIONAL, ADMINISTRATOR);

  static final List<Operation> OPERATIONS = List.of(
      // Signing in to the webapps, and what every webapp loads.
      Operation.anonymous("POST", "/webapp/admin/auth/user/default/login/{app}", "aanmelden in de webapps"),
      Operation.anonymous("POST", "/webapp/admin/auth/user/default/logout", "afmelden"),
      Operation.anonymous("GET", "/webapp/admin/auth/user/default", "wie is aangemeld"),
      Operation.anonymous("GET", "/engines", "de webapps vragen welke engine er is"),
      Operation.anonymous("GET", "/webapp/{app}/plugin/{plugin}/static/**", "scripts en stijlen van de webapps"),
      Operation.anonymous("GET", "/engine/identity/password-policy", "de wachtwoordregels (aanmelden, wachtwoord wijzigen)"),
      Operation.of("GET", "/engine/version", ALL, NONE, "versie van de engine"),
      Operation.of("GET", "/engine/user/{id}/profile", ALL, NONE, "namen van wie een taak heeft (het register is leesbaar)"),
      Operation.of("GET", "/engine/user,/engine/user/count", ALL, NONE, "namen bij toegewezen taken"),
      Operation.of("GET", "/engine/identity/groups", ALL, NONE, "de eigen groepen (filters, rechten)"),
      Operation.of("GET", "/engine/authorization/check", ALL, NONE, "wat de webapp de gebruiker mag tonen"),
      Operation.of("GET", "/engine/authorization,/engine/authorization/count", ALL, NONE,
          "Tasklists filtervenster (ieder ziet alleen de rechten die hij mag lezen: professionals geen)"),
      Operation.of("PUT", "/engine/user/{id}/credentials", A, NOT_SEALED, "de beheerder zet wachtwoorden"),
      Operation.of("PUT", "/engine/user/{id}/credentials", P, OWN_USER, "het eigen wachtwoord wijzigen"),

      // Tasklist: the professional's own tasks, their forms, and starting what their role starts.
      Operation.of("GET", "/engine/filter,/engine/filter/count,/engine/filter/{id}", PA, NONE, "de Tasklist-filters"),
      Operation.of("GET,POST", "/engine/filter/{id}/list,/engine/filter/{id}/count", P, TASK_QUERY,
          "de eigen taken in een filter (een taakvraag raakt alleen eigen taken)"),
      Operation.of("GET,POST", "/engine/task,/engine/task/count", ALL, TASK_QUERY,
          "de eigen taken (managers en de beheerder hebben er geen)"),
      Operation.of("GET", "/engine/task/{id},/engine/task/{id}/form,/engine/task/{id}/deployed-form", P, OWN_TASK,
          "een eigen taak en haar formulier"),
      Operation.of("GET", "/engine/task/{id}/form-variables", P, OWN_TASK,
          "wat het formulier van een eigen taak toont (gelogd)"),
      Operation.of("GET", "/engine/task/{id}/comment", P, OWN_TASK, "opmerkingen bij een taak (er komen er geen bij)"),
      Operation.of("GET", "/engine/history/user-operation,/engine/history/user-operation/count", P, QUERY,
          "Tasklists geschiedenistab"),
      Operation.of("GET", "/engine/task/{id}/identity-links", P, OWN_TASK, "aan wie een eigen taak is aangeboden"),
      Operation.of("POST", "/engine/task/{id}/claim", P, CLAIM, "een taak claimen, alleen voor uzelf"),
      Operation.of("POST", "/engine/task/{id}/unclaim", P, UNCLAIM, "een eigen claim teruggeven"),
      Operation.of("POST", "/engine/task/{id}/submit-form,/engine/task/{id}/complete", P, TASK_FORM,
          "een taak afronden met precies de velden van haar formulier"),
      Operation.of("GET", "/engine/process-definition/{id}/startForm,/engine/process-definition/key/{key}/startForm,"
          + "/engine/process-definition/{id}/deployed-start-form,/engine/process-definition/key/{key}/deployed-start-form",
          P, NONE, "het startformulier"),
      Operation.of("POST", "/engine/process-definition/{id}/submit-form,/engine/process-definition/{id}/start",
          P, START_FORM, "een melding starten met precies de velden van het startformulier"),
      Operation.of("POST", "/engine/process-definition/key/{key}/submit-form,/engine/process-definition/key/{key}/start",
          P, START_FORM, "een melding starten met precies de velden van het startformulier"),

      // Flow without content: definitions, instances and their history (no variable permission).
      Operation.of("GET", "/engine/process-definition,/engine/process-definition/count,/engine/process-definition/{id},"
          + "/engine/process-definition/key/{key},/engine/process-definition/{id}/xml,"
          + "/engine/process-definition/key/{key}/xml", ALL, NONE, "processen en hun diagram"),
      Operation.of("GET,POST", "/engine/process-instance,/engine/process-instance/count", ALL, QUERY,
          "de zaken waaraan de gebruiker deelneemt (managers: alle), zonder hun gegevens"),
      Operation.of("GET", "/engine/process-instance/{id},/engine/process-instance/{id}/activity-instances", ALL, NONE,
          "waar een zaak staat"),
      Operation.of("GET,POST", "/engine/history/process-instance,/engine/history/process-instance/count", ALL, QUERY,
          "doorlooptijden van zaken"),
      Operation.of("GET", "/engine/history/variable-instance,/engine/history/variable-instance/count", ALL, QUERY,
          "alleen wat de gebruiker mag lezen (professionals, managers en de beheerder: niets; gelogd)"),
      Operation.of("GET", "/engine/process-definition/statistics,/engine/process-definition/{id}/statistics,"
          + "/engine/process-definition/key/{key}/statistics", MA, NONE, "aantallen per stap in Cockpit"));

  private static final List<Operation> ALL_OPERATIONS = java.util.stream.Stream.concat(OPERATIONS.stream(),
      ManagementOperations.OPERATIONS.stream()).toList();

  /** Every operation: the chain's own, then what Cockpit and Admin need. */
  static List<Operation> all() {
    return ALL_OPERATIONS;
  }

  /** The first operation for this request that the caller may use, or null. */
  Operation find(String method, ApiPath path, RestCaller caller) {
    for (Operation operation : ALL_OPERATIONS) {
      if (operation.matches(method, path) && operation.allows(caller)) {
        return operation;
      }
    }
    return null;
  }
}
