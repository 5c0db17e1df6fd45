package fr.passerelle.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-caller rate limit ({@code passerelle.gateway.rate-limit.*}): a token bucket of {@code
 * capacity} requests (the burst), refilled with {@code refillTokens} every {@code refillPeriod}
 * (greedily, or all at once at the end of the period when {@code refillIntervally}). At most {@code
 * maxCallers} buckets are kept in memory.
 */
@ConfigurationProperties("passerelle.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100") long capacity,
    @DefaultValue("50") long refillTokens,
    @DefaultValue("1s") Duration refillPeriod,
    @DefaultValue("false") boolean refillIntervally,
    @DefaultValue("100000") int maxCallers) {}
