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
 * else a new one) and a W3C {@code traceparent} (likewise), by the same rules as the services
 * ({@link Correlation}), passes both downstream and returns the request id in the response.
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
    String trace = Correlation.traceparent(request.getHeaders().getFirst(Correlation.TRACEPARENT));
    ServerHttpRequest relayed =
        request
            .mutate()
            .headers(
                headers -> {
                  headers.set(Correlation.REQUEST_ID_HEADER, id);
                  headers.set(Correlation.TRACEPARENT, trace);
                })
            .build();
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
