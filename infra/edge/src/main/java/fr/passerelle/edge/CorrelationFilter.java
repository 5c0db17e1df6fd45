package fr.passerelle.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id the gateway passed (or starts one), keeps it in the logging context while
 * the request is handled, and returns it to the caller. The trace context is taken by the HTTP
 * server's observation (Micrometer Tracing, ADR 43).
 */
public class CorrelationFilter extends OncePerRequestFilter implements Ordered {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = Correlation.requestId(request.getHeader(Correlation.REQUEST_ID_HEADER));
    Correlation.enter(requestId);
    response.setHeader(Correlation.REQUEST_ID_HEADER, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      Correlation.leave();
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
