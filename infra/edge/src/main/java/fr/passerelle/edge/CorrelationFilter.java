package fr.passerelle.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id and trace context the gateway passed (or starts them), keeps them in the
 * logging context while the request is handled, and returns the request id to the caller.
 */
public class CorrelationFilter extends OncePerRequestFilter implements Ordered {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = Correlation.requestId(request.getHeader(Correlation.REQUEST_ID_HEADER));
    String traceparent = Correlation.traceparent(request.getHeader(Correlation.TRACEPARENT));
    Correlation.enter(requestId, traceparent);
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
