package nl.signaalketen.outage;

import jakarta.ws.rs.Priorities;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The 503 for every interface: the servlet filter, and /engine-rest's mapper (the webapps' in restjson). */
@Configuration
public class OutageConfig {

  @Bean
  FilterRegistrationBean<OutageFilter> databaseOutageAnswer() {
    var registration = new FilterRegistrationBean<>(new OutageFilter());
    registration.setName("database-outage-answer");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer outagesAre503() {
    return config -> config.register(OutageMappers.AnyFailure.class, Priorities.USER - 100);
  }
}
