package fr.passerelle.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buckets are kept in bounded memory, and forgetting one never frees a limited caller. */
class BucketsTest {

  /** 10 requests, then 5 a second: a drained bucket is full again after 2 s. */
  private static final RateLimitProperties.Limit LIMIT =
      new RateLimitProperties.Limit(10, 5, Duration.ofSeconds(1), false);

  private final AtomicLong nanos = new AtomicLong(1);
  private final Ticker ticker = nanos::get;
  private final TimeMeter time =
      new TimeMeter() {
        @Override
        public long currentTimeNanos() {
          return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
          return false;
        }
      };

  @Test
  void aCallerIsForgottenOnlyOnceItsBucketWouldBeFullAgain() {
    Buckets buckets = new Buckets(LIMIT, 1_000, ticker, time);
    drain(buckets, "greedy");

    advance(Duration.ofMillis(1_900));
    assertThat(buckets.size()).isEqualTo(1);
    assertThat(buckets.tryConsume("greedy").getRemainingTokens())
        .as("refilled for 1.9 s, one taken")
        .isEqualTo(8);

    advance(Duration.ofMillis(2_001));
    assertThat(buckets.size()).isZero();
    assertThat(buckets.tryConsume("greedy").getRemainingTokens()).isEqualTo(9);
  }

  @Test
  void aFloodOfNewCallersStaysBoundedAndDoesNotFreeALimitedOne() {
    Buckets buckets = new Buckets(LIMIT, 100, ticker, time);
    drain(buckets, "greedy");

    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      refused += buckets.tryConsume("caller-" + i).isConsumed() ? 0 : 1;
      if (i % 100 == 0) {
        assertThat(buckets.tryConsume("greedy").isConsumed()).isFalse();
      }
    }

    assertThat(buckets.size()).isLessThanOrEqualTo(100);
    assertThat(buckets.tryConsume("greedy").isConsumed()).isFalse();
    // past the bound, new callers wait for room rather than push a limited caller out
    assertThat(refused).isEqualTo(10_000 - 99);
    advance(Duration.ofMillis(2_001));
    assertThat(buckets.tryConsume("newcomer").isConsumed()).isTrue();
  }

  @Test
  void aRefundGivesBackWhatWasTakenAndNoMore() {
    Buckets buckets = new Buckets(LIMIT, 1_000, ticker, time);

    buckets.tryConsume("address");
    buckets.refund("address");
    buckets.refund("address");

    assertThat(buckets.tryConsume("address").getRemainingTokens()).isEqualTo(9);
  }

  private static void drain(Buckets buckets, String key) {
    for (int i = 0; i < LIMIT.capacity(); i++) {
      assertThat(buckets.tryConsume(key).isConsumed()).isTrue();
    }
    assertThat(buckets.tryConsume(key).isConsumed()).isFalse();
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
