package fr.passerelle.gateway.signin;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token kept in the person's session, as Spring Security's {@link
 * WebSessionServerCsrfTokenRepository} keeps it, without renewing the session id each time a token
 * is made: that renewal answers a fixation the sign-in already prevents (the session id changes
 * when a person signs in), and it signed people out when two of their pages asked for the token at
 * once (the first renewed the id, the second came with the old one and found no session).
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {

  private static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".token";

  private final WebSessionServerCsrfTokenRepository generator =
      new WebSessionServerCsrfTokenRepository();

  @Override
  public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
    return generator.generateToken(exchange);
  }

  @Override
  public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
    return exchange
        .getSession()
        .doOnNext(
            session -> {
              if (token == null) {
                session.getAttributes().remove(ATTRIBUTE);
              } else {
                session.getAttributes().put(ATTRIBUTE, token);
              }
            })
        .then();
  }

  @Override
  public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
    return exchange
        .getSession()
        .filter(session -> session.getAttributes().containsKey(ATTRIBUTE))
        .map(session -> session.getAttribute(ATTRIBUTE));
  }
}
