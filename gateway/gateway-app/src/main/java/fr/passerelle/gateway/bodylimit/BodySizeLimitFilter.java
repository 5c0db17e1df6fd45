package fr.passerelle.gateway.bodylimit;

import fr.passerelle.gateway.problem.Problems;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than {@link BodyLimitProperties#maxBodySize()} with a 413 problem,
 * before any of it reaches a service. A declared {@code Content-Length} is checked at once; a body
 * of unknown length (chunked) is read up to the limit before anything is forwarded, then relayed
 * with its length. Runs in the security chain before authentication (after the limit by address),
 * so that no token is verified for a body that will be refused anyway; not a bean, so WebFlux does
 * not also run it outside that chain.
 */
public class BodySizeLimitFilter implements WebFilter {

  private final long maxBytes;
  private final Problems.Problem tooLarge;

  public BodySizeLimitFilter(BodyLimitProperties properties) {
    this.maxBytes = properties.maxBodySize().toBytes();
    this.tooLarge = Problems.tooLarge(properties.maxBodySize());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long declared = headers.getContentLength();
    if (declared > maxBytes) {
      return Problems.write(exchange, tooLarge);
    }
    if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), (int) maxBytes)
        .map(body -> relayed(exchange, body))
        .defaultIfEmpty(exchange)
        .flatMap(relayed -> chain.filter(relayed))
        .onErrorResume(DataBufferLimitException.class, e -> Problems.write(exchange, tooLarge));
  }

  /**
   * The exchange with the body read into {@code body}, announced by its length; released if nothing
   * ends up reading it (a refused call).
   */
  private static ServerWebExchange relayed(ServerWebExchange exchange, DataBuffer body) {
    AtomicBoolean read = new AtomicBoolean();
    ServerHttpRequest request =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          private final HttpHeaders headers = lengthOf(super.getHeaders(), body);

          @Override
          public HttpHeaders getHeaders() {
            return headers;
          }

          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(
                () -> read.compareAndSet(false, true) ? Flux.just(body) : Flux.<DataBuffer>empty());
          }
        };
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              if (read.compareAndSet(false, true)) {
                DataBufferUtils.release(body);
              }
              return Mono.empty();
            });
    return exchange.mutate().request(request).build();
  }

  private static HttpHeaders lengthOf(HttpHeaders original, DataBuffer body) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(original);
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentLength(body.readableByteCount());
    return headers;
  }
}
