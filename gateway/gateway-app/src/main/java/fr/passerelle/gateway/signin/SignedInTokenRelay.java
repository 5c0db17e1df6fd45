package fr.passerelle.gateway.signin;

import fr.passerelle.gateway.problem.Problems;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What a service receives from a signed-in person's browser: their access token (renewed with the
 * refresh token when it has expired), as a machine client would send it, and none of the browser's
 * cookies (the gateway's session id and CSRF token stay at the gateway). A call with a bearer token
 * goes through unchanged.
 */
@Component
public class SignedInTokenRelay implements GlobalFilter, Ordered {

  /** The header the web application sends the CSRF token in (Spring Security's default). */
  static final String CSRF_HEADER = "X-CSRF-TOKEN";

  private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

  public SignedInTokenRelay(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
    this.authorizedClients = authorizedClients;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .cast(OAuth2AuthenticationToken.class)
        .flatMap(signedIn -> relay(exchange, chain, signedIn))
        .switchIfEmpty(Mono.defer(() -> chain.filter(withoutCookies(exchange, false))));
  }

  private Mono<Void> relay(
      ServerWebExchange exchange, GatewayFilterChain chain, OAuth2AuthenticationToken signedIn) {
    return authorizedClients
        .authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(
                    signedIn.getAuthorizedClientRegistrationId())
                .principal(signedIn)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build())
        .map(client -> Optional.of(client.getAccessToken().getTokenValue()))
        .defaultIfEmpty(Optional.empty())
        .onErrorResume(OAuth2AuthorizationException.class, refused -> Mono.just(Optional.empty()))
        .flatMap(
            token -> {
              if (token.isEmpty()) {
                // No token to relay any more (the refresh token has expired, the provider refused
                // it): the session is over, and the person signs in again.
                return signOut(exchange);
              }
              ServerWebExchange relayed = withoutCookies(exchange, true);
              return chain.filter(
                  relayed
                      .mutate()
                      .request(
                          request -> request.headers(headers -> headers.setBearerAuth(token.get())))
                      .build());
            });
  }

  private static Mono<Void> signOut(ServerWebExchange exchange) {
    return exchange
        .getSession()
        .flatMap(WebSession::invalidate)
        .then(Problems.write(exchange, SessionProblems.SIGNED_OUT));
  }

  private static ServerWebExchange withoutCookies(ServerWebExchange exchange, boolean csrf) {
    return exchange
        .mutate()
        .request(
            request ->
                request.headers(
                    headers -> {
                      headers.remove(HttpHeaders.COOKIE);
                      if (csrf) {
                        headers.remove(CSRF_HEADER);
                      }
                    }))
        .build();
  }

  /** Before the routing filters, after the gateway's own checks. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1000;
  }
}
