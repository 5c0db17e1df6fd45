package fr.passerelle.edge;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details as JSON, the one way every process of the platform does it: the servlet
 * services' security entry points and route guard, their exception advice (through Spring MVC's own
 * Jackson converter, which uses the same mix-in) and the gateway. Extra properties ({@code errors},
 * {@code requestId}) sit at the top level, as RFC 9457 asks.
 */
public final class ProblemWriter {

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private ProblemWriter() {}

  public static byte[] json(ProblemDetail problem) {
    return JSON.writeValueAsBytes(problem);
  }
}
