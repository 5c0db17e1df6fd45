package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.EventConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Rebuilds the read models from offset 0 into a new generation while the live ones keep serving,
 * then switches over: every consumer is subscribed again in groups of the new generation, writing
 * to its schema; once they have caught up, the live consumers pause, the new generation catches the
 * last events, becomes the active one, and the live consumers resume on it (its inbox skips what
 * the rebuild already applied). Readers never wait: they read the old generation until the switch,
 * the new one after it.
 */
public class ReadModelRebuild implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Duration SWITCH_TIMEOUT = Duration.ofSeconds(60);

  /** Where a rebuild stands: {@code remaining} is the records its consumers have still to read. */
  public record Progress(
      int generation,
      String schema,
      String status,
      long remaining,
      Instant startedAt,
      Instant switchedAt,
      String error) {}

  private final ReadModelGenerations generations;
  private final SchemaSelector schemas;
  private final EventConsumers consumers;
  private final ScheduledExecutorService checks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "read-model-rebuild"));

  private volatile Progress progress;
  private ReadModelGenerations.Generation target;
  private EventConsumers.Subscription subscription;
  private ScheduledFuture<?> check;

  public ReadModelRebuild(
      ReadModelGenerations generations, SchemaSelector schemas, EventConsumers consumers) {
    this.generations = generations;
    this.schemas = schemas;
    this.consumers = consumers;
  }

  /**
   * Starts a rebuild into a new generation.
   *
   * @throws IllegalStateException if one is already under way
   */
  public synchronized Progress start() {
    if (progress != null && "BUILDING".equals(progress.status())) {
      throw new IllegalStateException("A rebuild is already under way");
    }
    target = generations.create();
    subscription =
        consumers.subscribe(
            "g" + target.number(), delivery -> schemas.within(target.schema(), delivery));
    progress =
        new Progress(target.number(), target.schema(), "BUILDING", -1, Instant.now(), null, null);
    log.info("Rebuilding the read models into {}", target.schema());
    check =
        checks.scheduleWithFixedDelay(
            this::checkProgress,
            CHECK_EVERY.toMillis(),
            CHECK_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
    return progress;
  }

  /** The current or last rebuild, if any. */
  public Progress progress() {
    return progress;
  }

  private synchronized void checkProgress() {
    try {
      long remaining = subscription.lag();
      progress = withRemaining(remaining);
      if (remaining == 0) {
        switchOver();
      }
    } catch (RuntimeException e) {
      log.warn("Rebuild progress check failed, will try again: {}", e.toString());
    }
  }

  private void switchOver() {
    consumers.live().pause(SWITCH_TIMEOUT);
    try {
      Instant deadline = Instant.now().plus(SWITCH_TIMEOUT);
      while (subscription.lag() > 0) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "The new generation did not catch up in " + SWITCH_TIMEOUT);
        }
        pause();
      }
      generations.activate(target);
      subscription.stop();
      progress =
          new Progress(
              target.number(),
              target.schema(),
              "ACTIVE",
              0,
              progress.startedAt(),
              Instant.now(),
              null);
      check.cancel(false);
      log.info("Read models switched over to {}", target.schema());
    } finally {
      consumers.live().resume();
    }
  }

  private Progress withRemaining(long remaining) {
    return new Progress(
        progress.generation(),
        progress.schema(),
        progress.status(),
        remaining,
        progress.startedAt(),
        null,
        null);
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void destroy() {
    checks.shutdownNow();
    if (subscription != null && "BUILDING".equals(progress.status())) {
      subscription.stop();
    }
  }
}
