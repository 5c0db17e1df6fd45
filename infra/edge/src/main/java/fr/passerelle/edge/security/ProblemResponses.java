package fr.passerelle.edge.security;

import fr.passerelle.edge.ProblemWriter;
import fr.passerelle.edge.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, written by the security filters themselves. */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED_DETAIL);
    };
  }

  static AccessDeniedHandler denied() {
    return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, Problems.DENIED_DETAIL);
  }

  private static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(ProblemWriter.json(Problems.of(status, detail)));
  }
}
