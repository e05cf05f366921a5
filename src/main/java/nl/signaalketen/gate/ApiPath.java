package nl.signaalketen.gate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One name for an operation, whichever door it comes through: Camunda's REST API answers the same
 * resources at /engine-rest, /engine-rest/engine/default and, for the webapps, at
 * /camunda/api/engine/engine/default. Those become "/engine/..."; the webapps' own APIs
 * (/camunda/api/cockpit, admin, tasklist, welcome) become "/webapp/...". Another engine name
 * names nothing here.
 */
public record ApiPath(String value) {

  /** The request attribute in which the gate leaves who called, for the filters after it. */
  public static final String CALLER = ApiPath.class.getName() + ".caller";
  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  private static final String ENGINE_NAME = "default";

  /** The operation's path, or null when the request is for no API of ours (or another engine). */
  public static ApiPath of(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if (uri.equals(ENGINE_REST) || uri.startsWith(ENGINE_REST + "/")) {
      return engine(uri.substring(ENGINE_REST.length()), "/engine");
    }
    if (uri.startsWith(WEBAPP_API + "/engine/")) {
      return engine(uri.substring((WEBAPP_API + "/engine").length()), null);
    }
    if (uri.startsWith(WEBAPP_API + "/")) {
      return new ApiPath("/webapp" + uri.substring(WEBAPP_API.length()));
    }
    return null;
  }

  /**
   * Camunda's REST paths below the door. {@code bare}: the prefix under which the door also
   * answers without an engine name (/engine-rest/task), or null when it always names one.
   */
  private static ApiPath engine(String rest, String bare) {
    String named = "/engine/" + ENGINE_NAME;
    if (rest.equals("/engine") || rest.equals("/engine/")) {
      return new ApiPath("/engines");
    }
    if (rest.equals(named) || rest.startsWith(named + "/")) {
      return new ApiPath("/engine" + rest.substring(named.length()));
    }
    if (rest.startsWith("/engine/") || bare == null) {
      return null;
    }
    return new ApiPath("/engine" + rest);
  }

  /** Who called, as the gate found out before it let the request through; null when nobody signed in. */
  public static String callerOf(HttpServletRequest request) {
    return (String) request.getAttribute(CALLER);
  }
}
