package nl.signaalketen.login;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's start-up failure report for a {@link StartupRefusal} (registered in META-INF/spring.factories). */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), null);
  }
}
