package fr.passerelle.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code passerelle.gateway.rate-limit.*}): one token bucket per client
 * address, spent before any token is checked by the requests that do not authenticate, and one per
 * caller (the token's subject) once authenticated. At most {@code maxCallers} buckets of each kind
 * are kept in memory.
 */
@ConfigurationProperties("passerelle.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100000") long maxCallers,
    @DefaultValue Limit address,
    @DefaultValue Limit caller) {

  /**
   * A token bucket of {@code capacity} requests (the burst), refilled with {@code refillTokens}
   * every {@code refillPeriod} (greedily, or all at once at the end of the period when {@code
   * refillIntervally}).
   */
  public record Limit(
      @DefaultValue("100") long capacity,
      @DefaultValue("50") long refillTokens,
      @DefaultValue("1s") Duration refillPeriod,
      @DefaultValue("false") boolean refillIntervally) {

    /** How long an untouched bucket takes to be full again: after that, forgetting it is free. */
    Duration timeToFill() {
      long periods = (capacity + refillTokens - 1) / refillTokens;
      return refillPeriod.multipliedBy(periods);
    }
  }
}
