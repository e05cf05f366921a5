package nl.signaalketen.restjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.spi.ContextResolvers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class SharedObjectMapperTest {

  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate http;

  @Test
  void theSharedMapperWritesAndReadsExactlyAsCamundasOwnMapper() throws Exception {
    ObjectMapper camunda = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    ObjectMapper shared = new SharedObjectMapper().getContext(Object.class);
    Map<String, Object> value = Map.of("created", new Date(1_700_000_000_123L));
    assertThat(shared.writeValueAsString(value)).isEqualTo(camunda.writeValueAsString(value));
    String query = "{\"assignee\":\"a\",\"noSuchField\":1,\"dueBefore\":\"2026-01-02T03:04:05.006+0100\"}";
    assertThat(shared.readValue(query, TaskQueryDto.class))
        .usingRecursiveComparison().isEqualTo(camunda.readValue(query, TaskQueryDto.class));
  }

  @Test
  void tasklistsEngineApiHandsOutOneMapperOnEveryLookup() {
    HttpHeaders session = Rest.tasklistSession(http, "adviseur-leiden");
    ResponseEntity<String> filters = http.exchange("/camunda/api/engine/engine/default/filter?resourceType=Task",
        HttpMethod.GET, new HttpEntity<>(session), String.class);
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(filters.getBody()).contains("Taken voor mijn rollen");
    ServletRegistrationBean<?> webapp = (ServletRegistrationBean<?>) context.getBean("webappEngineApi");
    assertOneMapper((ServletContainer) webapp.getServlet());
  }

  @Test
  void engineRestHandsOutOneMapperOnEveryLookup() {
    assertThat(Rest.as(http, "adviseur-leiden").getJson("/engine-rest/version").getBody()).containsKey("version");
    ServletRegistrationBean<?> engineRest = (ServletRegistrationBean<?>) context.getBean("jerseyServletRegistration");
    assertOneMapper((ServletContainer) engineRest.getServlet());
  }

  /** Camunda's JacksonConfigurator would answer every lookup with a new mapper. */
  private static void assertOneMapper(ServletContainer servlet) {
    ContextResolvers resolvers = servlet.getApplicationHandler().getInjectionManager().getInstance(ContextResolvers.class);
    for (MediaType type : new MediaType[] {MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("application/hal+json")}) {
      ContextResolver<ObjectMapper> resolver = resolvers.resolve(ObjectMapper.class, type);
      ObjectMapper mapper = resolver.getContext(TaskQueryDto.class);
      assertThat(mapper).isSameAs(resolver.getContext(Object.class));
      // Camunda's configuration, not Spring Boot's own mapper (which Boot also offers to Jersey)
      assertThat(((SimpleDateFormat) mapper.getDateFormat()).toPattern()).isEqualTo(JacksonConfigurator.DEFAULT_DATE_FORMAT);
    }
  }
}
