package nl.signaalketen.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.signaalketen.login.WebappSessions;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one door to Camunda's REST APIs (/engine-rest and the webapps' /camunda/api): an operation
 * passes only when {@link RestOperations} lists it for the kind of client calling, and after its
 * check. Everything else is refused before the engine is asked, so what a professional can do with
 * curl is what Tasklist lets them do. Camunda's own authorizations still apply behind it.
 */
class RestGate extends OncePerRequestFilter {

  /** Camunda's REST resources put an English sentence before a refused form's Dutch message. */
  private static final Pattern ENGLISH_PREFIX = Pattern.compile(
      "\"message\":\"(?:Cannot submit task form|Cannot complete task|Cannot instantiate process definition"
          + "|Cannot submit start form) [^ \"]+: ");

  private static final Logger LOG = LoggerFactory.getLogger(RestGate.class);

  private final RestOperations operations;
  private final GateChecks checks;
  private final AdminChecks admin;
  private final IdentityService identity;
  private final WebappSessions sessions;

  RestGate(RestOperations operations, GateChecks checks, AdminChecks admin, IdentityService identity,
      WebappSessions sessions) {
    this.operations = operations;
    this.checks = checks;
    this.admin = admin;
    this.identity = identity;
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      pass(request, response, chain);
    } catch (Refusal refusal) {
      // Method, operation and status only: never a value from the request.
      LOG.debug("Refused {} {} with {}", request.getMethod(), ApiPath.of(request), refusal.status());
      refusal.writeTo(response);
    }
  }

  private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiPath path = ApiPath.of(request);
    if (path == null) {
      throw Refusal.notFound("Deze API bestaat hier niet.");
    }
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    RestCaller caller = RestCaller.of(request, identity, sessions);
    request.setAttribute(ApiPath.CALLER, caller.userId());
    Operation operation = operations.find(method, path, caller);
    if (operation == null) {
      throw caller.signedIn()
          ? Refusal.forbidden("Deze bewerking (" + method + " " + path.value() + ") is via de API niet beschikbaar"
              + " voor u. Zie de README: welke REST-bewerkingen professionals kunnen gebruiken, en waarom.")
          : new Refusal(401, "Meld u eerst aan.");
    }
    if (operation.check() == Operation.Check.NONE) {
      chain.doFilter(request, response);
      return;
    }
    BufferedRequest buffered = BufferedRequest.read(request);
    if (buffered == null) {
      throw new Refusal(413, "Het verzoek is te groot (hoogstens " + BufferedRequest.MAX_BODY / 1024 / 1024 + " MB).");
    }
    byte[] body = buffered.body();
    switch (operation.check()) {
      case QUERY -> checks.query(buffered, body);
      case TASK_QUERY -> checks.taskQuery(buffered);
      case OWN_TASK -> checks.ownTask(caller, operation.variable(path, "id"));
      case CLAIM -> checks.claim(caller, operation.variable(path, "id"), body);
      case OWN_USER -> {
        checks.ownUser(caller, operation.variable(path, "id"));
        newPassword(path, body, operation.variable(path, "id"));
      }
      case GRANT -> admin.grant(body, "POST".equals(method) ? null : operation.variable(path, "id"));
      case UNGRANT -> admin.ungrant(operation.variable(path, "id"));
      case NOT_SEALED -> {
        admin.notSealed(operation.variable(path, "id"), operation.variable(path, "userId"),
            operation.variable(path, "groupId"));
        newPassword(path, body, operation.variable(path, "id"));
      }
      case MEMBERSHIP -> admin.membership(operation.variable(path, "id"), operation.variable(path, "userId"));
      case FILTER -> admin.filter(body);
      case NEW_GROUP -> admin.newGroup(body);
      case UNCLAIM -> {
        checks.unclaim(caller, operation.variable(path, "id"));
        // Camunda's unclaim needs TASK_ASSIGN, which would also let a professional assign and
        // delegate; a claim for nobody clears the assignee under TASK_WORK, and Camunda checks it.
        chain.doFilter(buffered.rewritten("unclaim", "claim", "{\"userId\":null}"), response);
        return;
      }
      case TASK_FORM -> checks.taskForm(caller, operation.variable(path, "id"), body);
      case START_FORM -> {
        String key = operation.variable(path, "key");
        String id = checks.startForm(caller, operation.variable(path, "id"), key, body);
        if (key != null) {
          // The version whose form was checked, and no second lookup of the latest one.
          String action = path.value().substring(path.value().lastIndexOf('/') + 1);
          BufferedRequest byId = buffered.withPathEnd("key/" + key + "/" + action, id + "/" + action);
          if (byId.getRequestURI().equals(buffered.getRequestURI())) {
            // An encoded or parameterised key: Camunda could resolve another version than the one checked.
            throw Refusal.badRequest("key: geef de sleutel van het proces zoals hij is, zonder codering of parameters.");
          }
          inDutch(byId, response, chain);
          return;
        }
      }
      default -> throw new IllegalStateException("Unknown check " + operation.check());
    }
    if (operation.check() == Operation.Check.TASK_FORM || operation.check() == Operation.Check.START_FORM) {
      inDutch(buffered, response, chain);
    } else {
      chain.doFilter(buffered, response);
    }
  }

  private void newPassword(ApiPath path, byte[] body, String userId) {
    if (path.value().endsWith("/credentials")) {
      admin.newPassword(body, userId);
    }
  }

  /** Hands the form on; a refusal the engine answers comes back without Camunda's English prefix. */
  private void inDutch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() >= 400 && held.getStatus() < 500) {
      String body = new String(held.getContentAsByteArray(), StandardCharsets.UTF_8);
      String dutch = ENGLISH_PREFIX.matcher(body).replaceFirst("\"message\":\"");
      if (!dutch.equals(body)) {
        held.resetBuffer();
        held.getOutputStream().write(dutch.getBytes(StandardCharsets.UTF_8));
      }
    }
    held.copyBodyToResponse();
  }
}
