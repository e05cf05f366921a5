package nl.signaalketen.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.signaalketen.SignaalketenApplication;
import nl.signaalketen.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's administrator walk ("From an empty database to the first signal, with curl"), run as
 * written: the block is read from README.md and every curl in it is sent, on a new empty database
 * in the postgres profile. A changed API or a wrong README line fails here.
 */
@Tag("own-jvm")
class ProductionWalkTest {

  private static final String HEADING = "### From an empty database to the first signal, with curl";

  @Test
  void theReadmesCurlWalkTakesAnEmptyInstallationToASignalTheAdviseurSees() throws Exception {
    TestPostgres db = TestPostgres.get();
    assumeTrue(db.description().contains("embedded"), "Needs the embedded test database");
    List<String> lines = walk();
    Map<String, String> vars = new HashMap<>();
    lines.stream().filter(l -> l.matches("[A-Z]+=.*")).forEach(l -> assign(l, vars));
    String[] admin = vars.get("ADMIN").split(":", 2);

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SignaalketenApplication.class)
        .run("--server.port=0", "--spring.profiles.active=postgres",
            "--SPRING_DATASOURCE_URL=" + db.createEmptyDatabase("readme_walk"),
            "--SPRING_DATASOURCE_USERNAME=" + (db.username() == null ? "" : db.username()),
            "--SPRING_DATASOURCE_PASSWORD=" + (db.password() == null ? "" : db.password()),
            "--SIGNAALKETEN_ADMIN_USER=" + admin[0], "--SIGNAALKETEN_ADMIN_PASSWORD=" + admin[1],
            "--SIGNAALKETEN_PERSON_KEY_SECRET=" + UUID.randomUUID())) {
      vars.put("BASE", "http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
      String last = null;
      int calls = 0;
      for (String line : lines) {
        if (line.startsWith("curl ")) {
          last = curl(tokens(line, vars), line);
          calls++;
        }
      }
      assertThat(calls).isGreaterThanOrEqualTo(10);
      assertThat(last).as("the adviseur's task list").contains("\"name\":\"Melding duiden\"");
    }
  }

  /** The bash block under the heading: commands joined across continuations, comments dropped. */
  private static List<String> walk() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf(HEADING);
    assertThat(at).as("README has the section '%s'", HEADING).isPositive();
    int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
    String block = readme.substring(start, readme.indexOf("\n```", start)).replace("\\\n", " ");
    return block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static void assign(String line, Map<String, String> vars) {
    String name = line.substring(0, line.indexOf('='));
    List<String> value = tokens(line.substring(name.length() + 1), vars);
    vars.put(name, value.isEmpty() ? "" : value.get(0));
  }

  /** Shell words: single quotes literal, double quotes and bare words expand $NAME; '#' starts a comment. */
  static List<String> tokens(String line, Map<String, String> vars) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (ch == '#' && word == null) {
        break;
      }
      word = word == null ? new StringBuilder() : word;
      if (ch == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
      } else if (ch == '"') {
        int end = line.indexOf('"', i + 1);
        word.append(expand(line.substring(i + 1, end), vars));
        i = end;
      } else if (ch == '$') {
        int end = i + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
          end++;
        }
        word.append(vars.getOrDefault(line.substring(i + 1, end), ""));
        i = end - 1;
      } else {
        word.append(ch);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static String expand(String text, Map<String, String> vars) {
    return String.join("", tokens(text.replace(" ", "\u0000"), vars)).replace("\u0000", " ");
  }

  /** The subset of curl the walk uses: -s -f -u -H -X -d and the URL; -f: anything but 2xx fails. */
  private static String curl(List<String> args, String line) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    String method = null;
    String body = null;
    String url = null;
    for (int i = 1; i < args.size(); i++) {
      switch (args.get(i)) {
        case "-s", "-f", "-sf" -> { }
        case "-u" -> request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(args.get(++i).getBytes(StandardCharsets.UTF_8)));
        case "-H" -> {
          String[] header = args.get(++i).split(":\\s*", 2);
          request.header(header[0], header[1]);
        }
        case "-X" -> method = args.get(++i);
        case "-d" -> body = args.get(++i);
        default -> url = args.get(i);
      }
    }
    method = method != null ? method : body != null ? "POST" : "GET";
    request.uri(URI.create(url)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("%s\nanswered %s", line, answer.body()).isBetween(200, 299);
    return answer.body();
  }
}
