package nl.signaalketen.security;

import java.util.List;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Optional single sign-on (Keycloak, Entra ID or any OpenID Connect provider), switched on by
 * {@value #ENABLED} (profile oidc). The webapps log in at the identity provider; Camunda's
 * container-based authentication then takes the signed-in user (the token's preferred_username,
 * which must be the person's id in the registry) with the groups the registry gave it. The APIs
 * stay closed: Basic as before, plus the provider's bearer tokens (see SecurityConfig).
 */
@Configuration
@ConditionalOnProperty(name = OidcSecurityConfig.ENABLED, havingValue = "true")
public class OidcSecurityConfig {

  public static final String ENABLED = "signaalketen.security.oidc.enabled";
  static final String USERNAME_CLAIM = "preferred_username";

  @Bean
  @Order(2)
  SecurityFilterChain webappSingleSignOn(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/camunda/app/**"), paths.matcher("/camunda/api/**")).authenticated()
            .anyRequest().permitAll())
        .oauth2Login(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/"))
        // The webapps send Camunda's own X-XSRF-TOKEN, checked by Camunda's CsrfPreventionFilter.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Hands the user Spring Security signed in to the webapps, after the security filter chain. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-container-authentication");
    registration.addInitParameter("authentication-provider",
        ContainerBasedAuthenticationProvider.class.getName());
    registration.setUrlPatterns(List.of("/camunda/*"));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** A bearer token's user is its preferred_username: the registry person's id. */
  static JwtAuthenticationConverter usernameAsPrincipal() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName(USERNAME_CLAIM);
    return converter;
  }
}
