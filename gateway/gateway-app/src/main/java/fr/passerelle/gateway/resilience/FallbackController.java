package fr.passerelle.gateway.resilience;

import fr.passerelle.gateway.correlation.CorrelatedLog;
import fr.passerelle.gateway.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or its circuit open:
 * a 503 problem with {@code Retry-After} (the time the circuit stays open, or a second for a failed
 * call). Each failure of the service is logged; calls refused by an open circuit are not, one by
 * one (the circuit's opening and closing are, by {@link ResilienceConfiguration}). Only reachable
 * by the gateway's internal forward (the security chain denies {@code /fallback/**} to clients).
 */
@RestController
public class FallbackController {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackController.class);

  private final long openSeconds;

  public FallbackController(
      @Value("${passerelle.gateway.circuit-breaker.open-duration:30s}") Duration openDuration) {
    this.openSeconds = Math.max(1, openDuration.toSeconds());
  }

  @RequestMapping("/fallback/{service}")
  public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    boolean open = cause == null || cause instanceof CallNotPermittedException;
    if (!open) {
      CorrelatedLog.warn(
          LOG, exchange, "{} unavailable: {}", service, cause.getClass().getSimpleName());
    }
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(open ? openSeconds : 1));
    return Problems.write(exchange, Problems.UNAVAILABLE);
  }
}
