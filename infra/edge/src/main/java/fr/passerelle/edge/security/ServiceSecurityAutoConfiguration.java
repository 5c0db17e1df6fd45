package fr.passerelle.edge.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is an OAuth2 resource server: each request but health and the API
 * description carries a JWT the service validates itself (signature, issuer, audience, expiry),
 * whatever the gateway did. Metrics are for ADMIN and MONITORING (a scraper), operators' endpoints
 * for ADMIN; the public API is then checked call by call against the route table by the {@link
 * fr.passerelle.edge.route.RouteGuard}. No session, no CORS (closed), Spring Security's default
 * security headers.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

  @Bean
  SecurityFilterChain passerelleSecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
    var authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(PasserelleUser.ROLES);
    authorities.setAuthorityPrefix("ROLE_");
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/error")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                    .hasAnyRole(Role.ADMIN.name(), Role.MONITORING.name())
                    .requestMatchers("/admin/**", "/actuator/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.denied()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.denied()));
    return http.build();
  }

  /**
   * Verifies a token's signature once in the process and its claims on every request ({@link
   * VerifiedTokens}).
   */
  @Bean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder;
    if (TokenValidation.hasJwkSetUri(properties)) {
      decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    } else if (properties.publicKey() != null) {
      decoder =
          NimbusJwtDecoder.withPublicKey(TokenValidation.publicKey(properties.publicKey())).build();
    } else {
      throw new IllegalStateException(
          "Set passerelle.security.jwt.jwk-set-uri (or public-key) to validate the callers' tokens");
    }
    OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(properties);
    decoder.setJwtValidator(validator);
    return new VerifiedTokens(validator).decoder(decoder);
  }
}
