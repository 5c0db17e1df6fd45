package fr.passerelle.gateway.security;

import fr.passerelle.edge.route.RouteDecision;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import fr.passerelle.edge.security.SecurityProperties;
import fr.passerelle.edge.security.TokenValidation;
import fr.passerelle.edge.security.VerifiedTokens;
import fr.passerelle.gateway.bodylimit.BodyLimitProperties;
import fr.passerelle.gateway.bodylimit.BodySizeLimitFilter;
import fr.passerelle.gateway.dev.DevIssuer;
import fr.passerelle.gateway.problem.Problems;
import fr.passerelle.gateway.ratelimit.RateLimitProperties;
import fr.passerelle.gateway.ratelimit.RateLimits;
import fr.passerelle.gateway.signin.BrowserRequests;
import fr.passerelle.gateway.signin.SignInProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The gateway is a reactive OAuth2 resource server: every call but health, the API documentation
 * (and, under {@code dev}, the dev issuer) carries a JWT validated here (signature, issuer,
 * audience, expiry, subject) and checked against the route table ({@link Routes}): a call no route
 * opens is a 404 and reaches no service. The gateway's metrics are for ADMIN and MONITORING, its
 * other actuator endpoints for ADMIN; the token is then relayed unchanged to the service, which
 * checks it again. Before any token is checked, the caller's address is rate-limited and the body's
 * size bounded; once authenticated, the caller is rate-limited ({@link RateLimits}). No session, no
 * CSRF (no cookies), no CORS configuration (so browsers from other origins are refused), strict
 * security headers. This chain serves machine clients and operators ({@link BrowserRequests});
 * people's browsers have theirs ({@code SignInConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class GatewaySecurityConfiguration {

  private static final String[] PUBLIC =
      List.of(
              "/actuator/health",
              "/actuator/health/**",
              "/swagger-ui.html",
              "/swagger-ui/**",
              "/webjars/**",
              "/v3/api-docs",
              "/v3/api-docs/**")
          .toArray(String[]::new);

  /** What a metrics scraper reads: the gateway's metrics, to ADMIN and MONITORING only. */
  private static final String[] METRICS = {
    "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"
  };

  @Bean
  @Order(1)
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      SignInProperties signIn,
      ReactiveJwtDecoder decoder,
      RateLimitProperties rateLimit,
      BodyLimitProperties bodyLimit,
      ObjectProvider<DevIssuer> devIssuer) {
    List<String> open = new ArrayList<>(List.of(PUBLIC));
    if (devIssuer.getIfAvailable() != null) {
      open.add(DevIssuer.JWKS_PATH);
      open.add(DevIssuer.TOKENS_PATH);
      open.add(DevIssuer.AUTHORIZE_PATH);
      open.add(DevIssuer.TOKEN_PATH);
      open.add(DevIssuer.DISCOVERY_PATH);
    }
    RateLimits rateLimits = new RateLimits(rateLimit);
    ServerAuthenticationEntryPoint unauthenticated =
        (exchange, error) -> {
          exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
          return Problems.write(exchange, Problems.UNAUTHENTICATED);
        };
    ServerAccessDeniedHandler denied =
        (exchange, error) -> Problems.write(exchange, Problems.DENIED);
    return http.securityMatcher(BrowserRequests.apiChain(signIn.sessionCookieName()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        // Stateless: the caller's context comes from the token alone. The default repository would
        // create a WebSession for every request without a token, which moves the rest of its
        // processing off the connection's event loop.
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(open.toArray(String[]::new))
                    .permitAll()
                    .pathMatchers("/fallback/**")
                    .denyAll()
                    .pathMatchers(METRICS)
                    .hasAnyRole(Role.ADMIN.name(), Role.MONITORING.name())
                    .pathMatchers("/actuator/**")
                    .hasRole(Role.ADMIN.name())
                    .anyExchange()
                    .access(matrix()))
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(this::convert))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        // In this order: address limit, body size, authentication, caller limit, authorisation.
        .addFilterBefore(rateLimits.byAddress(), SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterBefore(new BodySizeLimitFilter(bodyLimit), SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAfter(rateLimits.byCaller(), SecurityWebFiltersOrder.AUTHENTICATION)
        .build();
  }

  private Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    List<GrantedAuthority> authorities =
        PasserelleUser.from(jwt).roles().stream()
            .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList();
    return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
  }

  /**
   * The route table's decision: allowed, refused (403), or, for a call no route opens, a 404 that
   * never reaches a service.
   */
  private static ReactiveAuthorizationManager<AuthorizationContext> matrix() {
    return (authentication, context) ->
        authentication
            .filter(JwtAuthenticationToken.class::isInstance)
            .cast(JwtAuthenticationToken.class)
            .flatMap(
                token -> {
                  var request = context.getExchange().getRequest();
                  RouteDecision decision =
                      Routes.decide(
                          PasserelleUser.from(token.getToken()),
                          request.getMethod(),
                          request.getPath().pathWithinApplication().value());
                  if (decision instanceof RouteDecision.Unknown) {
                    return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
                  }
                  return Mono.<AuthorizationResult>just(
                      new AuthorizationDecision(decision instanceof RouteDecision.Allowed));
                })
            .defaultIfEmpty(new AuthorizationDecision(false));
  }

  /**
   * Requests the firewall refuses before any filter (a {@code ;} in the path, an encoded slash or
   * dot segment...) get a problem like every other refusal, instead of a bare 400.
   */
  /**
   * Spring Security's strict firewall, and a query made only of what RFC 3986 allows in one: the
   * services' servers answer a raw {@code [}, {@code |} or space in a query with a page of their
   * own before any of their code runs, so the gateway refuses it first, as a problem.
   */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
    return exchange -> {
      String query = exchange.getRequest().getURI().getRawQuery();
      if (query != null && !validQuery(query)) {
        return Mono.error(
            new ServerExchangeRejectedException("a character a query may not hold unencoded"));
      }
      return strict.getFirewalledExchange(exchange);
    };
  }

  private static final String QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?";

  /**
   * Whether {@code query} holds only what RFC 3986 allows in a query: unreserved and sub-delimiter
   * characters, {@code : @ / ?}, and percent-escapes. A loop, not a regular expression: Java's
   * matcher recurses once per repetition of an alternation, and a query of a few thousand
   * characters overflowed the event loop's stack, dropping the connection without an answer.
   */
  static boolean validQuery(String query) {
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length() || !hex(query.charAt(i + 1)) || !hex(query.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!(c < 128 && (Character.isLetterOrDigit(c) || QUERY_CHARACTERS.indexOf(c) >= 0))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Bean
  ServerExchangeRejectedHandler problemForRejectedRequests() {
    return (exchange, rejected) ->
        Problems.write(exchange, Problems.forStatus(HttpStatus.BAD_REQUEST));
  }

  /**
   * Verifies a token's signature once in the gateway and its claims on every request ({@link
   * VerifiedTokens}).
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      SecurityProperties properties, ObjectProvider<DevIssuer> devIssuer) {
    OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(properties);
    NimbusReactiveJwtDecoder decoder;
    DevIssuer dev = devIssuer.getIfAvailable();
    if (TokenValidation.hasJwkSetUri(properties)) {
      decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    } else if (properties.publicKey() != null) {
      decoder =
          NimbusReactiveJwtDecoder.withPublicKey(TokenValidation.publicKey(properties.publicKey()))
              .build();
    } else if (dev != null) {
      decoder = NimbusReactiveJwtDecoder.withPublicKey(dev.publicKey()).build();
    } else {
      throw new IllegalStateException(
          "Set passerelle.security.jwt.jwk-set-uri (or public-key) to validate the callers' tokens");
    }
    decoder.setJwtValidator(validator);
    return new VerifiedTokens(validator).reactiveDecoder(decoder);
  }
}
