package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** HTTP calls as a given demo user (or nobody), answering status and parsed JSON. */
public final class Rest {

  public static final String DEMO_PASSWORD = "demo";
  public static final String ADMIN = "beheerder";

  private final TestRestTemplate http;

  private Rest(TestRestTemplate http) {
    this.http = http;
  }

  public static Rest as(TestRestTemplate http, String user) {
    return new Rest(http.withBasicAuth(user, DEMO_PASSWORD));
  }

  public static Rest as(TestRestTemplate http, String user, String password) {
    return new Rest(http.withBasicAuth(user, password));
  }

  public static Rest anonymous(TestRestTemplate http) {
    return new Rest(http);
  }

  public ResponseEntity<String> get(String path) {
    return http.getForEntity(path, String.class);
  }

  public <T> ResponseEntity<T> get(String path, ParameterizedTypeReference<T> type) {
    return http.exchange(path, HttpMethod.GET, null, type);
  }

  public ResponseEntity<Map<String, Object>> getJson(String path) {
    return get(path, new ParameterizedTypeReference<>() {});
  }

  public ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }

  public <T> ResponseEntity<T> send(HttpMethod method, String path, Object body, ParameterizedTypeReference<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  /** The path exactly as given (percent-escapes and all), not expanded as a URI template. */
  public ResponseEntity<String> sendToRawPath(HttpMethod method, String rawPath, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(new org.springframework.http.RequestEntity<>(body, headers, method,
        java.net.URI.create(http.getRootUri() + rawPath)), String.class);
  }

  public ResponseEntity<String> sendRaw(HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  /** Starts the chain through /engine-rest, as the meldpunt would; answers the instance id. */
  public ResponseEntity<Map<String, Object>> startChain(String gemeente) {
    Map<String, Object> variables = new java.util.HashMap<>();
    Cases.signal(gemeente).forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    return send(HttpMethod.POST, "/engine-rest/process-definition/key/signaalketen/start",
        Map.of("variables", variables));
  }

  /** A new person of the registry in this organisation, added by the administrator, without a password. */
  public static String newPerson(TestRestTemplate http, String prefix, String organisation) {
    String id = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<Map<String, Object>> created = as(http, ADMIN).send(HttpMethod.POST, "/api/network/people",
        Map.of("id", id, "name", "Nieuwe Collega", "email", id + "@example.org", "organisationCode", organisation));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return id;
  }

  /** Logs into Camunda's webapps as Tasklist does (CSRF token first); answers the session's headers. */
  public static HttpHeaders tasklistSession(TestRestTemplate http, String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", token);
    cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.substring(0, c.indexOf(';'))));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", Rest.DEMO_PASSWORD);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders session = new HttpHeaders();
    // The login renews the session cookie and the CSRF token: the newest value of each cookie counts.
    Map<String, String> jar = new LinkedHashMap<>();
    Stream.concat(cookies.stream(), login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream())
        .map(c -> c.substring(0, c.indexOf(';')))
        .forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    jar.values().forEach(c -> session.add(HttpHeaders.COOKIE, c));
    // The login starts a new session without a CSRF token; Camunda issues one on the next read.
    ResponseEntity<String> read = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session), String.class);
    read.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .map(c -> c.substring(0, c.indexOf(';')))
        .forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    HttpHeaders renewed = new HttpHeaders();
    jar.values().forEach(c -> renewed.add(HttpHeaders.COOKIE, c));
    renewed.set("X-XSRF-TOKEN", jar.get("XSRF-TOKEN").substring("XSRF-TOKEN=".length()));
    return renewed;
  }
}
