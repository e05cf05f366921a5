package nl.signaalketen.testsupport;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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
}
