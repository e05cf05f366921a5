package nl.signaalketen.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the tests' PostgreSQL, with the demo network, on a random port. Every
 * class with this annotation shares one Spring context (one engine), so tests create their own
 * cases and leave the demo network as they found it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresInitializer.class)
// Not the default profile: its demo shortcuts (application-default.yaml) must not reach the tests.
@ActiveProfiles("test")
// In every such context, so process tests and HTTP tests share one engine. Its test listener is
// one of Spring's defaults (the library's spring.factories), so every class with this annotation
// writes a coverage report (target/process-test-coverage) without declaring the listener.
// DueDates checks due dates.
@Import({ProcessEngineCoverageConfiguration.class, DueDates.class})
public @interface IntegrationTest {}
