package nl.signaalketen.gate;

import static nl.signaalketen.gate.ClientKind.ADMINISTRATOR;
import static nl.signaalketen.gate.ClientKind.MANAGER;
import static nl.signaalketen.gate.Operation.Check.FILTER;
import static nl.signaalketen.gate.Operation.Check.GRANT;
import static nl.signaalketen.gate.Operation.Check.UNGRANT;
import static nl.signaalketen.gate.Operation.Check.MEMBERSHIP;
import static nl.signaalketen.gate.Operation.Check.NEW_GROUP;
import static nl.signaalketen.gate.Operation.Check.NONE;
import static nl.signaalketen.gate.Operation.Check.NOT_SEALED;
import static nl.signaalketen.gate.Operation.Check.QUERY;

import java.util.List;
import java.util.Set;

/**
 * What Cockpit calls for managers (flow, counts, lead times) and Cockpit and Admin for the
 * administrator (users, groups, rights, deployments, incidents, jobs, batches). Neither reads case
 * data: they hold no variable permission, so the variable lists below answer them with nothing, and
 * the operations that would show data or steer a case (variables, modification, messages, task
 * work, decision inputs, history details) are not here.
 */
final class ManagementOperations {

  private static final Set<ClientKind> MA = Set.of(MANAGER, ADMINISTRATOR);
  private static final Set<ClientKind> A = Set.of(ADMINISTRATOR);

  private ManagementOperations() {}

  static final List<Operation> OPERATIONS = List.of(
      Operation.of("GET,POST", "/webapp/cockpit/plugin/base/default/**", MA, QUERY,
          "Cockpit: aantallen, zaken en incidenten per proces"),
      Operation.of("GET", "/engine/decision-definition,/engine/decision-definition/count,/engine/decision-definition/{id},"
          + "/engine/decision-definition/{id}/xml,/engine/decision-requirements-definition,"
          + "/engine/decision-requirements-definition/count,/engine/decision-requirements-definition/{id},"
          + "/engine/decision-requirements-definition/{id}/xml,/engine/case-definition/count", MA, NONE,
          "beslistabellen en hun diagram"),
      Operation.of("GET", "/engine/deployment,/engine/deployment/count,/engine/deployment/{id},/engine/deployment/{id}/resources,"
          + "/engine/deployment/{id}/resources/{resourceId},/engine/deployment/{id}/resources/{resourceId}/data",
          MA, NONE, "wat er is uitgerold (BPMN, DMN, formulieren)"),
      Operation.of("GET", "/engine/job-definition,/engine/job-definition/count,/engine/job,/engine/job/count,"
          + "/engine/job/{id},/engine/incident,/engine/incident/count,/engine/incident/{id},"
          + "/engine/process-definition/{id}/static-called-process-definitions,/engine/task/report/candidate-group-count",
          MA, NONE, "wachttijden, timers en incidenten"),
      Operation.of("GET,POST", "/engine/job,/engine/job/count,/engine/external-task,/engine/external-task/count,"
          + "/engine/execution,/engine/execution/count", MA, QUERY, "waar zaken wachten"),
      Operation.of("GET,POST", "/engine/history/task,/engine/history/task/count,/engine/history/activity-instance,"
          + "/engine/history/activity-instance/count,/engine/history/incident,/engine/history/incident/count,"
          + "/engine/history/job-log,/engine/history/job-log/count,/engine/history/user-operation,"
          + "/engine/history/user-operation/count,/engine/history/process-instance/{id}", MA, QUERY,
          "doorlooptijden en wat er gebeurde (zonder gegevens)"),
      Operation.of("GET,POST", "/engine/variable-instance,/engine/variable-instance/count", MA, QUERY,
          "Cockpits variabelentab: zonder variabelenrecht leeg (gelogd als er iets terugkomt)"),
      Operation.of("GET", "/engine/history/decision-instance,/engine/history/decision-instance/count", MA, QUERY,
          "beslissingen (zonder leesrecht op hun geschiedenis: leeg)"),
      Operation.of("GET", "/engine/batch,/engine/batch/count,/engine/batch/{id},/engine/batch/statistics,"
          + "/engine/batch/statistics/,/engine/batch/statistics/count,/engine/history/batch,/engine/history/batch/count,"
          + "/engine/history/batch/{id}", MA, NONE, "lopende en afgeronde batches"),

      // The administrator: users, groups, tenants and rights.
      Operation.of("OPTIONS", "/engine/**", Set.of(ClientKind.values()), NONE,
          "de webapps vragen welke acties een bron aanbiedt"),
      Operation.of("GET", "/engine/user/**,/engine/group/**,/engine/tenant/**,/engine/authorization,"
          + "/engine/authorization/count,/engine/authorization/{id}", A, NONE, "gebruikers, groepen en rechten inzien"),
      Operation.of("POST", "/engine/group,/engine/group/count,/engine/user,/engine/user/count,/engine/tenant,"
          + "/engine/tenant/count", A, NONE, "gebruikers en groepen zoeken"),
      Operation.of("POST", "/engine/user/create,/engine/tenant/create", A, NONE, "gebruikers en tenants aanmaken"),
      Operation.of("POST", "/engine/group/create", A, NEW_GROUP,
          "groepen aanmaken (niet die het netwerkregister bijhoudt: een rol, of een rol voor een gemeente of ZVH)"),
      Operation.of("PUT,DELETE", "/engine/user/{id},/engine/user/{id}/profile,/engine/tenant/{id},"
          + "/engine/tenant/{id}/user-members/{userId},/engine/tenant/{id}/group-members/{groupId}", A, NOT_SEALED,
          "gebruikers en tenants beheren"),
      Operation.of("PUT,DELETE", "/engine/group/{id},/engine/group/{id}/members/{userId}", A, MEMBERSHIP,
          "groepen en lidmaatschappen beheren (niet die het netwerkregister bijhoudt)"),
      Operation.of("POST", "/engine/user/{id}/unlock", A, NOT_SEALED, "een geblokkeerde gebruiker vrijgeven"),
      Operation.of("POST", "/engine/authorization/create", A, GRANT, "rechten geven (nooit om casusgegevens te lezen)"),
      Operation.of("PUT", "/engine/authorization/{id}", A, GRANT, "rechten wijzigen (nooit om casusgegevens te lezen)"),
      Operation.of("DELETE", "/engine/authorization/{id}", A, UNGRANT,
          "rechten intrekken (niet die de keten op zaken en taken gaf)"),
      Operation.of("POST", "/engine/filter/create", A, FILTER, "Tasklist-filters maken (zonder variabelen)"),
      Operation.of("PUT", "/engine/filter/{id}", A, FILTER, "Tasklist-filters wijzigen (zonder variabelen)"),
      Operation.of("DELETE", "/engine/filter/{id}", A, NONE, "Tasklist-filters verwijderen"),

      // The administrator: incidents, jobs, batches, history clean-up. Not deployments: a process is
      // code that runs with the engine's rights (it could copy case data), and deleting a deployment
      // deletes its cases without the retention's deletion log; processes come from processes/ at start.
      Operation.of("PUT", "/engine/job/{id}/retries,/engine/job/{id}/suspended,/engine/job/{id}/duedate,"
          + "/engine/job/suspended,/engine/job-definition/{id}/suspended,/engine/job-definition/{id}/retries,"
          + "/engine/job-definition/suspended,/engine/process-definition/{id}/suspended,"
          + "/engine/process-definition/key/{key}/suspended,/engine/process-definition/suspended,"
          + "/engine/process-instance/{id}/suspended,"
          + "/engine/process-instance/{id}/suspended/,/engine/incident/{id}/annotation,/engine/batch/{id}/suspended",
          A, NONE, "incidenten oplossen, taken van de engine opnieuw proberen, pauzeren"),
      Operation.of("POST", "/engine/job/{id}/execute,/engine/job/retries,/engine/process-instance/job-retries,"
          + "/engine/history/cleanup", A, NONE, "een taak van de engine opnieuw uitvoeren, opschonen starten"),
      Operation.of("DELETE", "/engine/incident/{id},/engine/incident/{id}/annotation,/engine/batch/{id},"
          + "/engine/history/batch/{id}", A, NONE, "incidenten en batches afsluiten"),
      Operation.of("GET", "/engine/job/{id}/stacktrace,/engine/history/job-log/{id}/stacktrace,"
          + "/engine/history/cleanup/configuration,/engine/history/cleanup/jobs,/engine/metrics/**,/engine/schema/log,"
          + "/engine/telemetry/**", A, NONE, "foutmeldingen van de engine, opschoning, metrieken"),
      Operation.of("GET,POST", "/webapp/admin/plugin/**,/webapp/cockpit/plugin/**", A, QUERY,
          "de plug-ins van Admin en Cockpit"));
}
