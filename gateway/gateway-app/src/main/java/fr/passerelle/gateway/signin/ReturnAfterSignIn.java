package fr.passerelle.gateway.signin;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * After signing in, back to the page the person asked for ({@code /connexion?retour=/dossiers}), a
 * path of the web application only, or to the home page.
 */
final class ReturnAfterSignIn implements ServerAuthenticationSuccessHandler {

  static final String RETURN_TO = ReturnAfterSignIn.class.getName() + ".returnTo";

  private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

  @Override
  public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication signedIn) {
    return exchange
        .getExchange()
        .getSession()
        .map(
            session -> {
              String target = session.getAttribute(RETURN_TO);
              session.getAttributes().remove(RETURN_TO);
              return target == null ? "/" : target;
            })
        .flatMap(target -> redirect.sendRedirect(exchange.getExchange(), URI.create(target)));
  }

  /** Keeps {@code path} for after the sign-in when it is a page of the web application. */
  static void remember(WebSession session, String path) {
    if (isLocalPage(path)) {
      session.getAttributes().put(RETURN_TO, path);
    } else {
      session.getAttributes().remove(RETURN_TO);
    }
  }

  /** A path on this origin: one slash, no scheme, no backslash, no control character. */
  static boolean isLocalPage(String path) {
    return path != null
        && path.length() <= 512
        && path.startsWith("/")
        && !path.startsWith("//")
        && path.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f)
        && !path.startsWith("/api/")
        && !path.startsWith("/oauth2/")
        && !path.startsWith("/login/")
        && !path.startsWith("/logout");
  }
}
