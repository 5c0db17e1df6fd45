package fr.passerelle.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket (Bucket4j) per key, in a cache (Caffeine) whose keys are forgotten once
 * untouched for as long as their bucket takes to fill up again, which changes nothing for them.
 * Memory stays bounded without ever evicting a key early, which would hand a limited caller a fresh
 * bucket: while {@code maxKeys} keys are remembered, a new key is refused (as if its bucket were
 * empty) until forgotten keys make room, a few seconds at most.
 */
final class Buckets {

  private final RateLimitProperties.Limit limit;
  private final long maxKeys;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  Buckets(RateLimitProperties.Limit limit, long maxKeys) {
    this(limit, maxKeys, Ticker.systemTicker(), TimeMeter.SYSTEM_NANOTIME);
  }

  /** With the given clocks, which must tell the same time (tests). */
  Buckets(RateLimitProperties.Limit limit, long maxKeys, Ticker ticker, TimeMeter time) {
    this.limit = limit;
    this.maxKeys = maxKeys;
    this.time = time;
    this.buckets =
        Caffeine.newBuilder().expireAfterAccess(limit.timeToFill()).ticker(ticker).build();
  }

  /** Takes one token from {@code key}'s bucket if there is one. */
  ConsumptionProbe tryConsume(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null && full()) {
      long untilRoom = limit.timeToFill().toNanos();
      return ConsumptionProbe.rejected(0, untilRoom, untilRoom);
    }
    if (bucket == null) {
      bucket = buckets.get(key, ignored -> newBucket());
    }
    return bucket.tryConsumeAndReturnRemaining(1);
  }

  private boolean full() {
    if (buckets.estimatedSize() < maxKeys) {
      return false;
    }
    buckets.cleanUp();
    return buckets.estimatedSize() >= maxKeys;
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
