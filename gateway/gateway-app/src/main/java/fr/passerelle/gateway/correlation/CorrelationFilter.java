package fr.passerelle.gateway.correlation;

import fr.passerelle.edge.Correlation;
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
 * else a new one) by the same rule as the services ({@link Correlation}), passes it downstream and
 * returns it in the response. The trace is not this filter's: the server's observation continues
 * the client's W3C {@code traceparent} or starts a trace, and the proxied call passes its own span
 * downstream (Micrometer Tracing, ADR 43).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationFilter implements WebFilter {

  public static final String REQUEST_ID_ATTRIBUTE =
      CorrelationFilter.class.getName() + ".requestId";

  private static final Logger LOG = LoggerFactory.getLogger(CorrelationFilter.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String id = Correlation.requestId(request.getHeaders().getFirst(Correlation.REQUEST_ID_HEADER));
    ServerHttpRequest relayed =
        request.mutate().headers(headers -> headers.set(Correlation.REQUEST_ID_HEADER, id)).build();
    ServerWebExchange correlated = exchange.mutate().request(relayed).build();
    correlated.getAttributes().put(REQUEST_ID_ATTRIBUTE, id);
    correlated.getResponse().getHeaders().set(Correlation.REQUEST_ID_HEADER, id);
    correlated
        .getResponse()
        .beforeCommit(
            () -> {
              correlated.getResponse().getHeaders().set(Correlation.REQUEST_ID_HEADER, id);
              return Mono.empty();
            });
    if (LOG.isDebugEnabled()) {
      CorrelatedLog.info(LOG, correlated, "{} {}", request.getMethod(), request.getPath().value());
    }
    return chain.filter(correlated);
  }
}
