package nl.signaalketen.sharing;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Logs every read of a task's variables (REST API and Tasklist) when the task's case holds
 * special-category data, i.e. has a register entry marked special (DOMAIN.md rule 3). The answer
 * is held back until the line is written: a read that cannot be logged is not served. Cheap for
 * every other read: one task and instance lookup by id, one select on the register's case index.
 */
@Configuration
public class TaskFormReadLogging {

  static final Pattern TASK_READ = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/default)/task/([^/]+)/(?:form-variables|variables)(?:/.*)?$");
  private static final String ENGINE = "default";
  private static final Logger LOG = LoggerFactory.getLogger(TaskFormReadLogging.class);

  @Bean
  FilterRegistrationBean<ReadLogFilter> taskFormReadLog(CaseReferences cases, SharingRegister register, AccessLog log) {
    var registration = new FilterRegistrationBean<>(new ReadLogFilter(cases, register, log));
    registration.setName("task-form-read-log");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/default/task/*");
    // After Spring Security (who is calling is known), around Camunda's own authentication filters.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  static class ReadLogFilter extends OncePerRequestFilter {

    private final CaseReferences cases;
    private final SharingRegister register;
    private final AccessLog log;

    ReadLogFilter(CaseReferences cases, SharingRegister register, AccessLog log) {
      this.cases = cases;
      this.register = register;
      this.log = log;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod()) || taskId(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, held);
      int status = held.getStatus();
      if (status >= 200 && status < 300) {
        try {
          logRead(request, taskId(request));
        } catch (RuntimeException e) {
          LOG.error("Access log not written; the task variables are not served", e);
          held.resetBuffer();
          response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
          return;
        }
      }
      held.copyBodyToResponse();
    }

    private void logRead(HttpServletRequest request, String taskId) {
      String casus = cases.caseOfTask(taskId);
      if (casus == null) {
        return;
      }
      List<String> kinds = register.specialCategoryKinds(casus);
      if (!kinds.isEmpty()) {
        log.record(user(request), casus, AccessLog.READ, SpecialCategories.labels(kinds), AccessLog.TASK_FORM,
            "taak " + taskId);
      }
    }

    private static String taskId(HttpServletRequest request) {
      Matcher path = TASK_READ.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      return path.matches() ? path.group(1) : null;
    }

    /** HTTP Basic (/engine-rest) through Spring Security; the webapps keep their login in the session. */
    private static String user(HttpServletRequest request) {
      String user = CaseAccess.currentUser();
      if (user != null) {
        return user;
      }
      HttpSession session = request.getSession(false);
      Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      Authentication login = webapp == null ? null : webapp.getAuthenticationForProcessEngine(ENGINE);
      return login == null ? "onbekend" : login.getName();
    }
  }
}
