package nl.signaalketen.restjson;

import java.util.LinkedHashSet;
import java.util.Set;

import nl.signaalketen.outage.OutageMappers;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Both Camunda REST applications with {@link SharedObjectMapper} in place of Camunda's per-call mapper. */
@Configuration
public class RestJsonConfig {

  /** The servlet name Camunda's webapp initializer uses; it keeps a servlet already registered under it. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  /** {@code /engine-rest}: the starter backs off when a CamundaJerseyResourceConfig exists. */
  @Bean
  CamundaJerseyResourceConfig camundaRestResources() {
    return new EngineRest();
  }

  /** The webapps' engine API (Tasklist's calls), registered before Camunda's initializer runs. */
  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
    var registration = new ServletRegistrationBean<>(new ServletContainer(),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(WEBAPP_ENGINE_API);
    registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static Set<Class<?>> withSharedMapper(Set<Class<?>> classes) {
    Set<Class<?>> swapped = new LinkedHashSet<>(classes);
    if (!swapped.remove(JacksonConfigurator.class)) {
      throw new IllegalStateException("Camunda's REST configuration no longer names JacksonConfigurator");
    }
    swapped.add(SharedObjectMapper.class);
    return swapped;
  }

  static class EngineRest extends CamundaJerseyResourceConfig {
    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(withSharedMapper(CamundaRestResources.getConfigurationClasses()));
      register(JacksonFeature.class);
    }
  }

  /** Camunda's EngineRestApplication with the shared mapper and the outage answer; Jersey instantiates it by name. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = withSharedMapper(super.getClasses());
      classes.add(OutageMappers.AnyFailure.class);
      classes.add(OutageMappers.EngineFailure.class);
      return classes;
    }
  }
}
