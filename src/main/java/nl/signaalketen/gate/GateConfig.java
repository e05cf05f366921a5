package nl.signaalketen.gate;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the gate before Camunda's REST APIs, after Spring Security has said who is calling. */
@Configuration
public class GateConfig {

  /** Before the access log of case data reads and before Camunda's own webapp filters. */
  public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 5;

  @Bean
  FilterRegistrationBean<RestGate> restGate(RestOperations operations, GateChecks checks, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new RestGate(operations, checks, identity));
    registration.setName("rest-gate");
    registration.addUrlPatterns(ApiPath.ENGINE_REST + "/*", ApiPath.WEBAPP_API + "/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
