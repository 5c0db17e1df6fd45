package fr.passerelle.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of each service's load the gateway lets through ({@code passerelle.gateway.overload.*}):
 * at most {@code maxInFlight} calls at a time per route, then up to {@code maxQueued} waiting in
 * line at most {@code maxWait} each; beyond, a 503 problem with {@code Retry-After}. A service
 * keeps its own queue too: enough in flight keeps it busy, the rest waits where it costs nothing.
 */
@ConfigurationProperties("passerelle.gateway.overload")
public record OverloadProperties(
    @DefaultValue("64") int maxInFlight,
    @DefaultValue("256") int maxQueued,
    @DefaultValue("2s") Duration maxWait) {}
