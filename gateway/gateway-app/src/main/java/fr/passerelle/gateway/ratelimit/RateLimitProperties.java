package fr.passerelle.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code passerelle.gateway.rate-limit.*}): one token bucket per client
 * address, spent before any token is checked by the requests that do not authenticate, and one per
 * caller (the token's subject) once authenticated. At most {@code maxCallers} buckets of each kind
 * are kept in memory.
 *
 * <p>The limits are the platform's: with {@code gateways} gateways, each enforces its share of them
 * (ADR 45), so that a caller who spreads its calls over every gateway is held to the limit in
 * total, and one who keeps to one gateway to its share.
 */
@ConfigurationProperties("passerelle.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100000") long maxCallers,
    @DefaultValue Limit address,
    @DefaultValue Limit caller,
    @DefaultValue("1") int gateways) {

  public RateLimitProperties {
    if (gateways < 1) {
      throw new IllegalArgumentException(
          "passerelle.gateway.rate-limit.gateways: at least 1, not " + gateways);
    }
  }

  /** This gateway's share of the limit by address. */
  Limit addressShare() {
    return address.shareOf(gateways);
  }

  /** This gateway's share of the limit by caller. */
  Limit callerShare() {
    return caller.shareOf(gateways);
  }

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

    /**
     * The share of one gateway of {@code gateways}: the burst and the refill divided by their
     * number, rounded down (at least one), so that together they never let more through.
     */
    Limit shareOf(int gateways) {
      return new Limit(
          Math.max(1, capacity / gateways),
          Math.max(1, refillTokens / gateways),
          refillPeriod,
          refillIntervally);
    }

    /** How long an untouched bucket takes to be full again: after that, forgetting it is free. */
    Duration timeToFill() {
      long periods = (capacity + refillTokens - 1) / refillTokens;
      return refillPeriod.multipliedBy(periods);
    }
  }
}
