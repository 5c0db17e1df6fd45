package fr.passerelle.gateway.problem;

import fr.passerelle.gateway.correlation.CorrelatedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Replaces Spring Boot's default WebFlux error responses (which it runs before, at order -2): every
 * error the gateway itself answers is a problem detail, never a stack trace or an exception
 * message.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    HttpStatus status = status(error);
    if (status.is5xxServerError()) {
      CorrelatedLog.warn(
          LOG,
          exchange,
          "{} {} failed: {}",
          exchange.getRequest().getMethod(),
          path(exchange),
          error.toString());
    }
    exchange.getResponse().getHeaders().clearContentHeaders();
    return Problems.write(exchange, Problems.forStatus(status));
  }

  private static String path(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value();
  }

  private static HttpStatus status(Throwable error) {
    if (error instanceof ResponseStatusException statusError) {
      HttpStatusCode code = statusError.getStatusCode();
      HttpStatus resolved = HttpStatus.resolve(code.value());
      return resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
