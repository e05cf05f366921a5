package nl.signaalketen.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One REST operation a kind of client may use: methods, a path of {@link ApiPath} ("/engine/task/{id}/claim"),
 * who, the check the gate makes before handing it on, and why that kind of client needs it.
 * {@code anonymous}: also before signing in (the webapps' login).
 */
record Operation(Set<String> methods, List<PathPattern> paths, Set<ClientKind> kinds, boolean anonymous, Check check,
    String why) {

  /** What the gate checks of an allowed operation before Camunda answers it. */
  enum Check {
    /** Nothing more. */
    NONE,
    /** A query that may not filter on variable values (only a task query may: the caller's own tasks). */
    QUERY,
    /** A task query: variable filters allowed (own tasks), variables in the answer not. */
    TASK_QUERY,
    /** Reading one of one's own tasks: a task one may not see answers 404, like no task. */
    OWN_TASK,
    /** Claim: only for oneself. */
    CLAIM,
    /** Give back a claimed task: only one's own claim. */
    UNCLAIM,
    /** Complete a task: exactly its form's fields. */
    TASK_FORM,
    /** Start a process: exactly its start form's fields; no business key, start instructions or skips. */
    START_FORM,
    /** An operation on one's own user only (the password). */
    OWN_USER,
    /** A grant that would let someone read case data is not the administrator's to give. */
    GRANT,
    /** A grant the chain gave on cases, tasks or decisions goes with the task, not by hand. */
    UNGRANT,
    /** Not on camunda-admin or its sealed member, which would pass every authorization check. */
    NOT_SEALED,
    /** A group's members: not camunda-admin, and not the groups the registry keeps. */
    MEMBERSHIP,
    /** A new group: not one the registry keeps. */
    NEW_GROUP,
    /** A Tasklist filter shows no variables in the task list (that read would not be logged). */
    FILTER
  }

  private static final PathPatternParser PARSER = new PathPatternParser();

  /** {@code methods} and {@code paths}: comma-separated. */
  static Operation of(String methods, String paths, Set<ClientKind> kinds, Check check, String why) {
    return new Operation(Set.of(methods.split(",")), parse(paths), kinds, false, check, why);
  }

  static Operation anonymous(String methods, String paths, String why) {
    return new Operation(Set.of(methods.split(",")), parse(paths), ClientKind.ALL, true, Check.NONE, why);
  }

  private static List<PathPattern> parse(String paths) {
    return Arrays.stream(paths.split(",")).map(PARSER::parse).toList();
  }

  boolean matches(String method, ApiPath apiPath) {
    PathContainer path = PathContainer.parsePath(apiPath.value());
    return methods.contains(method) && paths.stream().anyMatch(p -> p.matches(path));
  }

  /** The value of a path variable ({id}) of the matching path. */
  String variable(ApiPath apiPath, String name) {
    PathContainer path = PathContainer.parsePath(apiPath.value());
    return paths.stream().map(p -> p.matchAndExtract(path)).filter(java.util.Objects::nonNull)
        .map(info -> info.getUriVariables().get(name)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  boolean allows(RestCaller caller) {
    return caller.signedIn() ? caller.kinds().stream().anyMatch(kinds::contains) : anonymous;
  }
}
