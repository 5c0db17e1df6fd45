package fr.passerelle.gateway.correlation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every request: gives it an {@code X-Request-Id} (the client's if well formed,
 * else a new UUID) and a W3C {@code traceparent} (the client's if well formed, else a new one),
 * passes both downstream and returns the request id in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationFilter implements WebFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  public static final String TRACEPARENT_HEADER = "traceparent";
  public static final String REQUEST_ID_ATTRIBUTE =
      CorrelationFilter.class.getName() + ".requestId";
  public static final String MDC_KEY = "requestId";

  private static final Logger LOG = LoggerFactory.getLogger(CorrelationFilter.class);
  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String requestId = request.getHeaders().getFirst(REQUEST_ID_HEADER);
    if (requestId == null || !WELL_FORMED_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    String traceparent = request.getHeaders().getFirst(TRACEPARENT_HEADER);
    if (traceparent == null || !TRACEPARENT.matcher(traceparent).matches()) {
      traceparent = newTraceparent();
    }
    String id = requestId;
    String trace = traceparent;
    ServerHttpRequest relayed =
        request
            .mutate()
            .headers(
                headers -> {
                  headers.set(REQUEST_ID_HEADER, id);
                  headers.set(TRACEPARENT_HEADER, trace);
                })
            .build();
    ServerWebExchange correlated = exchange.mutate().request(relayed).build();
    correlated.getAttributes().put(REQUEST_ID_ATTRIBUTE, id);
    correlated.getResponse().getHeaders().set(REQUEST_ID_HEADER, id);
    correlated
        .getResponse()
        .beforeCommit(
            () -> {
              correlated.getResponse().getHeaders().set(REQUEST_ID_HEADER, id);
              return Mono.empty();
            });
    if (LOG.isDebugEnabled()) {
      CorrelatedLog.info(LOG, correlated, "{} {}", request.getMethod(), request.getPath().value());
    }
    return chain.filter(correlated);
  }

  static String newTraceparent() {
    byte[] traceId = new byte[16];
    byte[] spanId = new byte[8];
    do {
      RANDOM.nextBytes(traceId);
      RANDOM.nextBytes(spanId);
    } while (allZero(traceId) || allZero(spanId));
    HexFormat hex = HexFormat.of();
    return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
