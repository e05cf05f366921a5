package nl.signaalketen.sharing;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.signaalketen.gate.ApiPath;
import nl.signaalketen.gate.GateConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every read of a case's data through Camunda's REST APIs (/engine-rest and Tasklist's
 * /camunda/api/engine) is in the access log, by whoever and through whichever path: a task's form
 * variables, variables and local variables, a process instance's or execution's variables, variable
 * instances and their history, history details. One line per case read, naming the special
 * categories the case holds (or "casusgegevens"), never the content. The answer is held back until
 * the line is written: a read that cannot be logged is not served. An empty answer read nothing.
 */
@Configuration
public class CaseDataReadLogging {

  /** Reads of one object's variables: the object's kind and id. */
  static final Pattern OWN_VARIABLES = Pattern.compile(
      "^/engine/(task|process-instance|execution)/([^/]+)/(form-variables|variables|localVariables)(?:/.*)?$");
  /** Lists (or one item) of variables of any instance: the instances are in the answer. */
  static final Pattern VARIABLE_LISTS = Pattern.compile(
      "^/engine/(variable-instance|history/variable-instance|history/detail)(?:/([^/]+)(/data)?)?$");
  private static final Logger LOG = LoggerFactory.getLogger(CaseDataReadLogging.class);

  @Bean
  FilterRegistrationBean<ReadLogFilter> caseDataReadLog(CaseReferences cases, CaseReads reads) {
    var registration = new FilterRegistrationBean<>(new ReadLogFilter(cases, reads));
    registration.setName("case-data-read-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After the gate: only operations it let through are served and logged.
    registration.setOrder(GateConfig.ORDER + 5);
    return registration;
  }

  static class ReadLogFilter extends OncePerRequestFilter {

    private final CaseReferences cases;
    private final CaseReads reads;
    private final ObjectMapper json = new ObjectMapper();

    ReadLogFilter(CaseReferences cases, CaseReads reads) {
      this.cases = cases;
      this.reads = reads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      ApiPath path = ApiPath.of(request);
      return path == null || !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
          || !(OWN_VARIABLES.matcher(path.value()).matches() || VARIABLE_LISTS.matcher(path.value()).matches())
          || path.value().endsWith("/count");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, held);
      int status = held.getStatus();
      if (status >= 200 && status < 300) {
        try {
          logRead(ApiPath.of(request).value(), held.getContentAsByteArray(), ApiPath.callerOf(request));
        } catch (RuntimeException e) {
          LOG.error("Access log not written; the case data is not served ({})", e.getClass().getSimpleName());
          held.resetBuffer();
          response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          return;
        }
      }
      held.copyBodyToResponse();
    }

    private void logRead(String path, byte[] body, String user) {
      Matcher own = OWN_VARIABLES.matcher(path);
      if (own.matches()) {
        if (!isEmptyAnswer(body)) {
          String kind = own.group(1);
          String casus = "task".equals(kind) ? cases.caseOfTask(own.group(2)) : cases.caseOfExecution(own.group(2));
          String channel = "form-variables".equals(own.group(3)) ? AccessLog.TASK_FORM : AccessLog.ENGINE_API;
          record(user, casus, channel, ("task".equals(kind) ? "taak " : kind + " ") + own.group(2));
        }
        return;
      }
      Matcher list = VARIABLE_LISTS.matcher(path);
      if (list.matches()) {
        Set<String> instances = list.group(3) != null ? Set.of(cases.instanceOfVariable(list.group(1), list.group(2)))
            : instancesIn(body);
        instances.stream().map(cases::caseOfExecution).distinct()
            .forEach(casus -> record(user, casus, AccessLog.ENGINE_API, list.group(1)));
      }
    }

    private void record(String user, String casus, String channel, String object) {
      reads.record(user, casus, AccessLog.READ, channel, object);
    }

    private boolean isEmptyAnswer(byte[] body) {
      try {
        JsonNode answer = json.readTree(body);
        return answer == null || (answer.isContainerNode() && answer.isEmpty());
      } catch (IOException notJson) {
        return body.length == 0; // a variable's binary data
      }
    }

    /** The process instances named in a list of variable instances or history details (or one of them). */
    private Set<String> instancesIn(byte[] body) {
      Set<String> instances = new LinkedHashSet<>();
      try {
        JsonNode answer = json.readTree(body);
        for (JsonNode item : answer.isArray() ? answer : List.of(answer)) {
          String instance = item.path("processInstanceId").asText(null);
          if (instance != null) {
            instances.add(instance);
          }
        }
      } catch (IOException notJson) {
        // nothing the log could name
      }
      return instances;
    }
  }
}
