package nl.signaalketen.outage;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.ws.rs.Priorities;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The 503 for every interface: the servlet filter, /engine-rest's and the admin API's mappers (the engine API's in restjson). */
@Configuration
public class OutageConfig {

  @Bean
  FilterRegistrationBean<OutageFilter> databaseOutageAnswer() {
    var registration = new FilterRegistrationBean<>(new OutageFilter());
    registration.setName("database-outage-answer");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * The webapps' admin API, where the webapps' login is: registered before Camunda's initializer
   * (which keeps a servlet already registered under its name) with the outage answer added.
   */
  @Bean
  ServletRegistrationBean<ServletContainer> webappAdminApi(CamundaBpmProperties camunda) {
    var registration = new ServletRegistrationBean<>(new ServletContainer(),
        camunda.getWebapp().getApplicationPath() + "/api/admin/*");
    registration.setName("Admin Api");
    registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappAdminApi.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's AdminApplication with the outage answer; Jersey instantiates it by name. */
  public static class WebappAdminApi extends AdminApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
      classes.add(OutageMappers.AnyFailure.class);
      classes.add(OutageMappers.EngineFailure.class);
      return classes;
    }
  }

  @Bean
  ResourceConfigCustomizer outagesAre503() {
    return config -> config.register(OutageMappers.AnyFailure.class, Priorities.USER - 100);
  }
}
