package nl.signaalketen.gate;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.signaalketen.login.WebappSessions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the gate before Camunda's REST APIs, after Spring Security has said who is calling. */
@Configuration
public class GateConfig {

  /** Before the access log of case data reads and before Camunda's own webapp filters. */
  public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 5;

  /**
   * A path with an empty step ("//") is refused before anything reads it: Spring's own path
   * parsing, which runs before the security filters, would answer it with a 500.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> emptyPathStepRefusal() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (request.getRequestURI().contains("//")) {
          Refusal.badRequest("Dit adres bevat een lege stap (//).").writeTo(response);
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("empty-path-step-refusal");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RestGate> restGate(RestOperations operations, GateChecks checks, AdminChecks admin,
      IdentityService identity, WebappSessions sessions) {
    var registration = new FilterRegistrationBean<>(new RestGate(operations, checks, admin, identity, sessions));
    registration.setName("rest-gate");
    registration.addUrlPatterns(ApiPath.ENGINE_REST + "/*", ApiPath.WEBAPP_API + "/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
