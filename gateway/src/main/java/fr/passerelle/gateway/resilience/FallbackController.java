package fr.passerelle.gateway.resilience;

import fr.passerelle.gateway.correlation.CorrelatedLog;
import fr.passerelle.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or its circuit open:
 * a 503 problem. Only reachable by the gateway's internal forward (the security chain denies {@code
 * /fallback/**} to clients).
 */
@RestController
public class FallbackController {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackController.class);

  @RequestMapping("/fallback/{service}")
  public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    CorrelatedLog.warn(
        LOG,
        exchange,
        "{} unavailable: {}",
        service,
        cause == null ? "circuit open" : cause.getClass().getSimpleName());
    return Problems.write(exchange, Problems.UNAVAILABLE);
  }
}
