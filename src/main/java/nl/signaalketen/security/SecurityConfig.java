package nl.signaalketen.security;

import nl.signaalketen.login.EngineRestIdentity;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * /engine-rest and /api are closed by default (Camunda leaves /engine-rest open): HTTP Basic against
 * Camunda's identity, no session. Camunda's webapps under /camunda keep their own login and their
 * own CSRF protection, against the same identity.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> bearerTokens)
      throws Exception {
    // Path matchers, not MVC matchers: /engine-rest is Jersey's servlet, not Spring MVC's.
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher(HttpMethod.GET, "/api/network/**")).authenticated()
            .requestMatchers(paths.matcher("/api/network/**")).hasAuthority(Administrators.GROUP)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Signaalketen"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic authentication: no cookie that a forged cross-site request could ride on.
        .csrf(csrf -> csrf.disable());
    // With single sign-on (profile oidc) the APIs also take the identity provider's bearer tokens.
    JwtDecoder decoder = bearerTokens.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(decoder)
          .jwtAuthenticationConverter(OidcSecurityConfig.usernameAsPrincipal())));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  @ConditionalOnProperty(name = OidcSecurityConfig.ENABLED, havingValue = "false", matchIfMissing = true)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The webapps send Camunda's own X-XSRF-TOKEN, checked by Camunda's CsrfPreventionFilter.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** A request the firewall refuses (a double slash, an encoded slash, a semicolon) is a 400, not a 500. */
  @Bean
  RequestRejectedHandler badRequestsAreRefusedAs400() {
    return new HttpStatusRequestRejectedHandler();
  }

  /**
   * Hands the user Spring Security authenticated to the engine for each REST call, so Camunda's
   * authorizations apply to everything /engine-rest returns; with the groups and tenants a Basic
   * sign-in already found.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestIdentity() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-identity");
    registration.addInitParameter("authentication-provider",
        EngineRestIdentity.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
