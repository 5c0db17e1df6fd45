package fr.passerelle.gateway.signin;

import fr.passerelle.edge.route.RouteDecision;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.SecurityProperties;
import fr.passerelle.gateway.bodylimit.BodyLimitProperties;
import fr.passerelle.gateway.bodylimit.BodySizeLimitFilter;
import fr.passerelle.gateway.dev.DevIssuer;
import fr.passerelle.gateway.ratelimit.RateLimitProperties;
import fr.passerelle.gateway.ratelimit.RateLimits;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The browser chain: people sign in with OpenID Connect (authorization code with PKCE), the gateway
 * keeps their tokens in its session (never in the browser) and relays the access token to the
 * services ({@link SignedInTokenRelay}); the session cookie is HttpOnly and SameSite=Lax, and every
 * unsafe call carries the session's CSRF token. Each API call is decided on the same route table as
 * a bearer call, from the relayed token's claims. The machine clients' chain is {@code
 * GatewaySecurityConfiguration}'s, unchanged, and comes first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
public class SignInConfiguration {

  /** The client registration's id: the callback is {@code /login/oauth2/code/passerelle}. */
  public static final String REGISTRATION_ID = "passerelle";

  /** Where the sign-in starts. */
  public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

  @Bean
  @Order(2)
  SecurityWebFilterChain browserSecurity(
      ServerHttpSecurity http,
      SignInProperties properties,
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      RateLimitProperties rateLimit,
      BodyLimitProperties bodyLimit) {
    RateLimits rateLimits = new RateLimits(rateLimit);
    var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/?deconnexion");
    logoutSuccess.setLogoutSuccessUrl(URI.create("/?deconnexion"));
    http.securityMatcher(BrowserRequests.browserChain(properties.sessionCookieName()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(new SessionCsrfTokens())
                    .accessDeniedHandler(SessionProblems.csrfRefused()))
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'"
                                    + " 'unsafe-inline'; font-src 'self' data:; object-src 'none';"
                                    + " frame-ancestors 'none'; base-uri 'self'; form-action"
                                    + " 'self' "
                                    + formTargets(registrations))))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(SessionProblems.signedOut())
                    .accessDeniedHandler(SessionProblems.denied()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/api", "/api/**")
                    .access(matrix())
                    .pathMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .pathMatchers(HttpMethod.HEAD, "/**")
                    .permitAll()
                    .pathMatchers("/logout", "/login/**")
                    .permitAll()
                    .anyExchange()
                    .denyAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
        .addFilterBefore(rateLimits.byAddress(), SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterBefore(new BodySizeLimitFilter(bodyLimit), SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAfter(rateLimits.byCaller(), SecurityWebFiltersOrder.AUTHENTICATION);
    if (properties.configured() || registrationsAvailable(registrations)) {
      http.oauth2Login(
          login ->
              login
                  .clientRegistrationRepository(registrations)
                  .authorizedClientRepository(authorizedClients)
                  .authorizationRequestResolver(resolver)
                  .authenticationSuccessHandler(new ReturnAfterSignIn())
                  .authenticationFailureHandler(
                      new RedirectServerAuthenticationFailureHandler("/?connexion=echec")));
    }
    return http.build();
  }

  /**
   * Where the forms may post: the gateway itself and, for signing out at the provider, its origin.
   */
  private static String formTargets(ReactiveClientRegistrationRepository registrations) {
    return registrations instanceof ProviderRegistrations provider ? provider.origin() : "";
  }

  private static boolean registrationsAvailable(
      ReactiveClientRegistrationRepository registrations) {
    return registrations instanceof ProviderRegistrations;
  }

  /** The route table's decision for a signed-in person, as for a bearer token's holder. */
  private static ReactiveAuthorizationManager<AuthorizationContext> matrix() {
    return (authentication, context) ->
        authentication
            .filter(OAuth2AuthenticationToken.class::isInstance)
            .map(OAuth2AuthenticationToken.class::cast)
            .filter(token -> token.getPrincipal() instanceof SignedInUser)
            .flatMap(
                token -> {
                  var user = ((SignedInUser) token.getPrincipal()).passerelleUser();
                  var request = context.getExchange().getRequest();
                  RouteDecision decision =
                      Routes.decide(
                          user,
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
   * The provider's registration: under {@code dev}, the dev issuer's (its endpoints on this
   * gateway); else the provider named by {@code passerelle.security.jwt.issuer}, discovered on
   * first use (so that the gateway starts while the provider is down); none when no client id is
   * configured.
   */
  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(
      SignInProperties properties,
      SecurityProperties security,
      ObjectProvider<DevIssuer> devIssuer,
      Environment environment) {
    DevIssuer dev = devIssuer.getIfAvailable();
    if (dev != null) {
      // The gateway calls its own token endpoint: on the port it listens on, known once started.
      Mono<ClientRegistration> own =
          Mono.fromSupplier(
              () ->
                  devRegistration(
                      dev,
                      "http://127.0.0.1:"
                          + environment.getProperty(
                              "local.server.port", environment.getProperty("server.port"))));
      return new ProviderRegistrations(cachedOnSuccess(own), origin(dev.issuer()));
    }
    if (!properties.configured() || security.issuer() == null || security.issuer().isBlank()) {
      return registrationId -> Mono.empty();
    }
    Mono<ClientRegistration> discovered =
        Mono.fromCallable(
                () ->
                    ClientRegistrations.fromIssuerLocation(security.issuer())
                        .registrationId(REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .scope("openid")
                        .userNameAttributeName("sub")
                        .clientSettings(
                            ClientRegistration.ClientSettings.builder()
                                .requireProofKey(true)
                                .build())
                        .build())
            .subscribeOn(Schedulers.boundedElastic());
    return new ProviderRegistrations(cachedOnSuccess(discovered), origin(security.issuer()));
  }

  private static ClientRegistration devRegistration(DevIssuer dev, String origin) {
    return ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientId(DevIssuer.CLIENT_ID)
        .clientSecret(dev.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid")
        // Relative: the browser stays on the host it called the gateway by.
        .authorizationUri(DevIssuer.AUTHORIZE_PATH)
        .tokenUri(origin + DevIssuer.TOKEN_PATH)
        .jwkSetUri(origin + DevIssuer.JWKS_PATH)
        .issuerUri(dev.issuer())
        .userNameAttributeName("sub")
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .build();
  }

  private static Mono<ClientRegistration> cachedOnSuccess(Mono<ClientRegistration> source) {
    AtomicReference<ClientRegistration> found = new AtomicReference<>();
    return Mono.defer(
        () -> {
          ClientRegistration known = found.get();
          return known != null ? Mono.just(known) : source.doOnNext(found::set);
        });
  }

  /** {@code scheme://host[:port]} of a URL. */
  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The one registration of the platform's identity provider. */
  record ProviderRegistrations(Mono<ClientRegistration> registration, String origin)
      implements ReactiveClientRegistrationRepository {

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
      return REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
  }

  /** The signed-in people's tokens: in their session, gone with it. */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /** Renews an expired access token with the refresh token before relaying it. */
  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    var manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(
        ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken()
            .build());
    return manager;
  }

  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> signedInUsers(ReactiveJwtDecoder decoder) {
    return new SignedInUserService(decoder);
  }
}
