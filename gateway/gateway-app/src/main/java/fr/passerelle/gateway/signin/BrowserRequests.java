package fr.passerelle.gateway.signin;

import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Which of the gateway's two security chains a request takes. Machine clients and operators call
 * with a bearer token and no session (the API chain, stateless, unchanged); a person's browser
 * calls with the gateway's session cookie and no token (the browser chain: the session holds the
 * tokens, which the browser never sees, and unsafe calls need the CSRF token).
 *
 * <p>An API call takes the API chain when it carries a token, or when it carries no session cookie
 * (so an anonymous call is answered as before: 401 with {@code WWW-Authenticate: Bearer}).
 * Operators' paths (health, metrics, API documentation, the dev issuer) always take it. Everything
 * else, the web application and the sign-in itself, takes the browser chain.
 */
public final class BrowserRequests {

  private static final ServerWebExchangeMatcher OPERATORS =
      ServerWebExchangeMatchers.matchers(
          List.of(
                  "/actuator",
                  "/actuator/**",
                  "/dev/**",
                  "/v3/api-docs",
                  "/v3/api-docs/**",
                  "/swagger-ui.html",
                  "/swagger-ui/**",
                  "/webjars/**",
                  "/fallback/**")
              .stream()
              .<ServerWebExchangeMatcher>map(PathPatternParserServerWebExchangeMatcher::new)
              .toArray(ServerWebExchangeMatcher[]::new));

  private BrowserRequests() {}

  /** The requests of the API chain; {@code sessionCookie} names the gateway's session cookie. */
  public static ServerWebExchangeMatcher apiChain(String sessionCookie) {
    return exchange ->
        OPERATORS
            .matches(exchange)
            .flatMap(
                operators -> {
                  if (operators.isMatch()) {
                    return MatchResult.match();
                  }
                  ServerHttpRequest request = exchange.getRequest();
                  String path = request.getPath().pathWithinApplication().value();
                  boolean api = path.equals("/api") || path.startsWith("/api/");
                  boolean bearer = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
                  HttpCookie session = request.getCookies().getFirst(sessionCookie);
                  return bearer || (api && session == null)
                      ? MatchResult.match()
                      : MatchResult.notMatch();
                });
  }

  /** The requests of the browser chain: all the others. */
  public static ServerWebExchangeMatcher browserChain(String sessionCookie) {
    ServerWebExchangeMatcher api = apiChain(sessionCookie);
    return exchange ->
        api.matches(exchange)
            .flatMap(result -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match())
            .switchIfEmpty(Mono.defer(MatchResult::match));
  }
}
