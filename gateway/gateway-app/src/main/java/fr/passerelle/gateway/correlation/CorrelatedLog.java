package fr.passerelle.gateway.correlation;

import fr.passerelle.edge.Correlation;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's own log lines about a request carry its id in the MDC ({@code requestId}, shown by
 * the log pattern), whatever thread the reactive pipeline runs on.
 */
public final class CorrelatedLog {

  private CorrelatedLog() {}

  public static void warn(Logger log, ServerWebExchange exchange, String format, Object... args) {
    try (var ignored = MDC.putCloseable(Correlation.REQUEST_ID, requestId(exchange))) {
      log.warn(format, args);
    }
  }

  public static void info(Logger log, ServerWebExchange exchange, String format, Object... args) {
    try (var ignored = MDC.putCloseable(Correlation.REQUEST_ID, requestId(exchange))) {
      log.info(format, args);
    }
  }

  private static String requestId(ServerWebExchange exchange) {
    String id = exchange.getAttribute(CorrelationFilter.REQUEST_ID_ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
