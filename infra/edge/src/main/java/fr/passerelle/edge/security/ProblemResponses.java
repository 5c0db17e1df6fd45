package fr.passerelle.edge.security;

import fr.passerelle.edge.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, written by the security filters themselves. */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, HttpStatus.UNAUTHORIZED, "Un jeton d'accès valide est requis.");
    };
  }

  static AccessDeniedHandler denied() {
    return (request, response, e) ->
        write(response, HttpStatus.FORBIDDEN, "Vos droits ne permettent pas cette opération.");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, detail);
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(problem.getType(), problem.getTitle(), status.value(), detail));
  }
}
