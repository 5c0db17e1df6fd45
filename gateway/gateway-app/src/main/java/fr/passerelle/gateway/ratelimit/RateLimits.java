package fr.passerelle.gateway.ratelimit;

import fr.passerelle.gateway.correlation.CorrelatedLog;
import fr.passerelle.gateway.problem.Problems;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's two rate limits, each a token bucket per key (over it: 429 problem with {@code
 * Retry-After}):
 *
 * <ol>
 *   <li>{@link #byAddress()}, before any token is checked: the client's address spends one token
 *       per request, so that a flood of bad or missing tokens is refused before costing a signature
 *       check;
 *   <li>{@link #byCaller()}, once authenticated: the token's subject spends one, and the address
 *       gets its token back, so that callers with valid tokens sharing one address (behind a proxy)
 *       are limited by who they are, not by where they come from.
 * </ol>
 *
 * <p>Both run inside the security chain (health checks are not limited); they are not beans, so
 * that WebFlux does not also run them outside that chain.
 */
public final class RateLimits {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
  private static final String ADDRESS = RateLimits.class.getName() + ".address";

  private final boolean enabled;
  private final Buckets byAddress;
  private final Buckets byCaller;

  public RateLimits(RateLimitProperties properties) {
    this(
        properties,
        new Buckets(properties.addressShare(), properties.maxCallers()),
        new Buckets(properties.callerShare(), properties.maxCallers()));
  }

  RateLimits(RateLimitProperties properties, Buckets byAddress, Buckets byCaller) {
    this.enabled = properties.enabled();
    this.byAddress = byAddress;
    this.byCaller = byCaller;
  }

  /** The limit by client address, to run before authentication. */
  public WebFilter byAddress() {
    return (exchange, chain) -> {
      if (exempt(exchange)) {
        return chain.filter(exchange);
      }
      String address = clientAddress(exchange);
      ConsumptionProbe probe = byAddress.tryConsume(address);
      if (!probe.isConsumed()) {
        return refuse(exchange, probe, "address " + address);
      }
      exchange.getAttributes().put(ADDRESS, address);
      return chain.filter(exchange);
    };
  }

  /** The limit by caller, to run after authentication. */
  public WebFilter byCaller() {
    return (exchange, chain) -> {
      if (exempt(exchange)) {
        return chain.filter(exchange);
      }
      return ReactiveSecurityContextHolder.getContext()
          .map(SecurityContext::getAuthentication)
          .filter(
              authentication ->
                  authentication instanceof JwtAuthenticationToken
                      || authentication instanceof OAuth2AuthenticationToken)
          .map(authentication -> Optional.ofNullable(authentication.getName()))
          .defaultIfEmpty(Optional.empty())
          .flatMap(
              subject ->
                  subject.isPresent()
                      ? limitCaller(exchange, chain, subject.get())
                      : chain.filter(exchange));
    };
  }

  private Mono<Void> limitCaller(ServerWebExchange exchange, WebFilterChain chain, String subject) {
    String address = exchange.getAttribute(ADDRESS);
    if (address != null) {
      byAddress.refund(address);
    }
    ConsumptionProbe probe = byCaller.tryConsume(subject);
    if (!probe.isConsumed()) {
      return refuse(exchange, probe, "caller " + subject);
    }
    return chain.filter(exchange);
  }

  private boolean exempt(ServerWebExchange exchange) {
    return !enabled || exchange.getRequest().getPath().value().startsWith("/actuator/health");
  }

  private static Mono<Void> refuse(
      ServerWebExchange exchange, ConsumptionProbe probe, String limited) {
    long seconds =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
    CorrelatedLog.info(LOG, exchange, "Rate limit reached by {}", limited);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return Problems.write(exchange, Problems.TOO_MANY_REQUESTS);
  }

  private static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
