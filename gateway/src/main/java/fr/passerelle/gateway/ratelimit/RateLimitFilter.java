package fr.passerelle.gateway.ratelimit;

import fr.passerelle.gateway.correlation.CorrelatedLog;
import fr.passerelle.gateway.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per caller (Bucket4j, in memory): the token's {@code sub} once authenticated, else
 * the client's address. Over the limit: 429 problem with {@code Retry-After}. Runs inside the
 * security chain, right after authentication (health checks are not limited); not a bean, so
 * WebFlux does not also run it outside that chain.
 */
public class RateLimitFilter implements WebFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

  private final RateLimitProperties properties;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimitFilter(RateLimitProperties properties) {
    this.properties = properties;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!properties.enabled()
        || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(Authentication::getName)
        .map(subject -> "sub:" + subject)
        .defaultIfEmpty("")
        .flatMap(
            key -> {
              String caller = key.isEmpty() ? "ip:" + clientAddress(exchange) : key;
              ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
              if (probe.isConsumed()) {
                return chain.filter(exchange);
              }
              long seconds =
                  Math.max(
                      1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
              CorrelatedLog.info(LOG, exchange, "Rate limit reached by {}", caller);
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
              return Problems.write(exchange, Problems.TOO_MANY_REQUESTS);
            });
  }

  private Bucket bucket(String caller) {
    if (buckets.size() >= properties.maxCallers() && !buckets.containsKey(caller)) {
      // Bounded memory: forgetting every caller only gives them a full bucket again.
      buckets.clear();
    }
    return buckets.computeIfAbsent(caller, ignored -> newBucket());
  }

  private Bucket newBucket() {
    Bandwidth limit =
        Bandwidth.builder()
            .capacity(properties.capacity())
            .refillIntervally(properties.refillTokens(), properties.refillPeriod())
            .build();
    if (!properties.refillIntervally()) {
      limit =
          Bandwidth.builder()
              .capacity(properties.capacity())
              .refillGreedy(properties.refillTokens(), properties.refillPeriod())
              .build();
    }
    return Bucket.builder().addLimit(limit).build();
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
