package fr.passerelle.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket (Bucket4j) per key, in a bounded cache (Caffeine): a key untouched for as long
 * as its bucket takes to fill up again is forgotten, which changes nothing for it; past {@code
 * maxKeys} the least valuable keys go first, so a flood of new keys neither grows memory nor hands
 * a limited caller a fresh bucket.
 */
final class Buckets {

  private final RateLimitProperties.Limit limit;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  Buckets(RateLimitProperties.Limit limit, long maxKeys) {
    this(limit, maxKeys, Ticker.systemTicker(), TimeMeter.SYSTEM_NANOTIME);
  }

  /** With the given clocks, which must tell the same time (tests). */
  Buckets(RateLimitProperties.Limit limit, long maxKeys, Ticker ticker, TimeMeter time) {
    this.limit = limit;
    this.time = time;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(limit.timeToFill())
            .ticker(ticker)
            .build();
  }

  /** Takes one token from {@code key}'s bucket if there is one. */
  ConsumptionProbe tryConsume(String key) {
    return buckets.get(key, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
  }

  /** Gives back a token taken from {@code key}'s bucket (up to its capacity). */
  void refund(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  /** How many keys are remembered, once pending expiries and evictions are done. */
  long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket() {
    var capacity = Bandwidth.builder().capacity(limit.capacity());
    Bandwidth bandwidth =
        limit.refillIntervally()
            ? capacity.refillIntervally(limit.refillTokens(), limit.refillPeriod()).build()
            : capacity.refillGreedy(limit.refillTokens(), limit.refillPeriod()).build();
    return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
  }
}
