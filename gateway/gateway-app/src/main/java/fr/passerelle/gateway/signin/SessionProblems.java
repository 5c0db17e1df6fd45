package fr.passerelle.gateway.signin;

import fr.passerelle.gateway.problem.Problems;
import fr.passerelle.gateway.problem.Problems.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;

/**
 * The browser chain's refusals, as problems the web application shows a person: a session that has
 * ended (401, whatever the call: the application sends the person back to sign-in and keeps what
 * they were typing), a call the role may not make (403), a missing or stale CSRF token on a live
 * session (403).
 */
final class SessionProblems {

  static final Problem SIGNED_OUT =
      Problems.standard(
          HttpStatus.UNAUTHORIZED, "Votre session a pris fin : reconnectez-vous pour continuer.");
  static final Problem CSRF =
      Problems.standard(
          HttpStatus.FORBIDDEN,
          "La page n'est plus à jour (jeton anti-falsification absent ou périmé) : rechargez-la.");

  private SessionProblems() {}

  static ServerAuthenticationEntryPoint signedOut() {
    return (exchange, error) -> Problems.write(exchange, SIGNED_OUT);
  }

  static ServerAccessDeniedHandler denied() {
    return (exchange, error) -> Problems.write(exchange, Problems.DENIED);
  }

  /**
   * A call refused for its CSRF token: when the session holds nobody (it ended, the gateway
   * restarted), the person must sign in again, so it is the signed-out problem; else a stale page.
   */
  static ServerAccessDeniedHandler csrfRefused() {
    return (exchange, error) ->
        exchange
            .getSession()
            .map(
                session ->
                    session.getAttribute(
                            WebSessionServerSecurityContextRepository
                                .DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME)
                        != null)
            .flatMap(signedIn -> Problems.write(exchange, signedIn ? CSRF : SIGNED_OUT));
  }
}
