package fr.passerelle.gateway.resilience;

import fr.passerelle.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps each route's service at its capacity, no more: a call is relayed if fewer than {@code
 * max-in-flight} are, else waits in a bounded line for one to end, else is shed with a 503 problem
 * and {@code Retry-After} ({@link OverloadProperties}). Runs before the route's circuit breaker, so
 * that the gateway's own refusals never count as failures of the service: only the service's errors
 * and timeouts can open its circuit.
 *
 * <p>Each refusal is counted ({@code passerelle.gateway.shed}, by route) and summed up in one log
 * line per route every ten seconds at most, not one line per call.
 */
@Component
public class ServiceCapacityFilter implements GlobalFilter, Ordered {

  /** Before the routes' own filters (the circuit breaker is the first, at 1). */
  public static final int ORDER = 0;

  private static final Logger LOG = LoggerFactory.getLogger(ServiceCapacityFilter.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Problems.Problem SATURATED =
      Problems.standard(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Le service est saturé ; réessayez après le délai indiqué par l'en-tête Retry-After.");

  private final OverloadProperties properties;
  private final MeterRegistry meters;
  private final Map<String, Limits> routes = new ConcurrentHashMap<>();

  /** One route's capacity and what was shed. */
  private record Limits(
      Capacity capacity, Counter shed, AtomicLong unlogged, AtomicLong loggedAt) {}

  public ServiceCapacityFilter(OverloadProperties properties, MeterRegistry meters) {
    this.properties = properties;
    this.meters = meters;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route == null) {
      return chain.filter(exchange);
    }
    Limits limits = routes.computeIfAbsent(route.getId(), this::newLimits);
    return Mono.usingWhen(
            limits.capacity().acquire(),
            permit -> chain.filter(exchange),
            Capacity.Permit::release,
            (permit, error) -> permit.release(),
            Capacity.Permit::release)
        .onErrorResume(Capacity.Saturated.class, full -> shed(exchange, route.getId(), limits));
  }

  private Mono<Void> shed(ServerWebExchange exchange, String routeId, Limits limits) {
    limits.shed().increment();
    limits.unlogged().incrementAndGet();
    long now = System.nanoTime();
    long last = limits.loggedAt().get();
    if (now - last >= LOG_EVERY_NANOS && limits.loggedAt().compareAndSet(last, now)) {
      LOG.warn(
          "{} at capacity: {} calls shed since the last report ({} in flight, {} waiting)",
          routeId,
          limits.unlogged().getAndSet(0),
          limits.capacity().inFlight(),
          limits.capacity().queued());
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    return Problems.write(exchange, SATURATED);
  }

  private Limits newLimits(String routeId) {
    Capacity capacity =
        new Capacity(properties.maxInFlight(), properties.maxQueued(), properties.maxWait());
    Gauge.builder("passerelle.gateway.in-flight", capacity, Capacity::inFlight)
        .tag("route", routeId)
        .description("calls relayed to the route's service and not yet answered")
        .register(meters);
    Gauge.builder("passerelle.gateway.queued", capacity, Capacity::queued)
        .tag("route", routeId)
        .description("calls waiting for one of those to end")
        .register(meters);
    Counter shed =
        Counter.builder("passerelle.gateway.shed")
            .tag("route", routeId)
            .description("calls refused with 503 because the route's service was at capacity")
            .register(meters);
    return new Limits(
        capacity, shed, new AtomicLong(), new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
  }
}
