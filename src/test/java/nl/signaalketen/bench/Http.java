package nl.signaalketen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loopback HTTP as Tasklist and a REST client send it: Basic auth, or a webapp session with CSRF token. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  record Response(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    Response ok() {
      if (status / 100 != 2) {
        throw new IllegalStateException("HTTP " + status + ": " + (body.length() > 2000 ? body.substring(0, 2000) : body));
      }
      return this;
    }
  }

  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Response send(String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
      headers.forEach(b::header);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        b.method(method, HttpRequest.BodyPublishers.ofString(text));
      }
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response json(String method, String path, Object body, String authorization) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json");
    if (authorization != null) {
      h.put("Authorization", authorization);
    }
    return send(method, path, body, h);
  }

  /** GET, following redirects on the same host; the final status. */
  int getStatusFollowing(String path) {
    for (int hop = 0; hop < 5; hop++) {
      Response r = send("GET", path, null, Map.of());
      if (r.status() / 100 != 3) {
        return r.status();
      }
      String location = r.headers().getOrDefault("location", List.of("")).get(0);
      path = location.startsWith("http") ? URI.create(location).getRawPath() : location;
    }
    return 310;
  }

  /** A Tasklist session: cookies and the CSRF header, as Camunda's webapp login hands them out. */
  static final class Session {
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;

    Map<String, String> headers(boolean hal) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      if (csrf != null) {
        h.put("X-XSRF-TOKEN", csrf);
      }
      h.put("Accept", hal ? "application/hal+json, application/json; q=0.5" : "application/json, text/plain, */*");
      h.put("Content-Type", "application/json;charset=UTF-8");
      return h;
    }

    void take(Response r) {
      for (String c : r.headers().getOrDefault("set-cookie", List.of())) {
        String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      csrf = cookies.getOrDefault("XSRF-TOKEN", csrf);
    }
  }

  /** Logs in to Tasklist as its login page does: CSRF cookie first, then the form post, then a read. */
  Session tasklistLogin(String engine, String user, String password) {
    Session s = new Session();
    s.take(send("GET", "/camunda/app/tasklist/" + engine + "/", null, Map.of()));
    Map<String, String> h = s.headers(false);
    h.put("Content-Type", "application/x-www-form-urlencoded");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Response login = send("POST", "/camunda/api/admin/auth/user/" + engine + "/login/tasklist", form, h);
    login.ok();
    s.take(login);
    s.take(send("GET", "/camunda/api/admin/auth/user/" + engine, null, s.headers(false)));
    return s;
  }
}
