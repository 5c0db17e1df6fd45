package fr.passerelle.eventbus.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does with the outbox: see how far behind the event store it is, and publish a
 * range again (consumers deduplicate on {@code ce_id}, so re-publication is harmless).
 */
public class OutboxOperations {

  private static final Logger log = LoggerFactory.getLogger(OutboxOperations.class);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final OutboxTokens tokens;
  private final BlockedEvents blockedEvents;

  public OutboxOperations(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      OutboxTokens tokens,
      BlockedEvents blockedEvents,
      MeterRegistry meters) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.tokens = tokens;
    this.blockedEvents = blockedEvents;
    Gauge.builder("passerelle.eventbus.publisher.lag", this, o -> o.lag())
        .description("Events in the event store that the outbox has not published yet")
        .register(meters);
    Gauge.builder("passerelle.eventbus.outbox.blocked", blockedEvents, BlockedEvents::count)
        .description("Internal events the outbox is stopped on: it cannot publish them")
        .register(meters);
  }

  /**
   * The outbox's progress: the store's head, the last published position as stored (-1: nothing
   * yet), what is left to publish, whether the processor runs in this instance, and the events it
   * is stopped on (it cannot publish them: fix the mapping, or skip them).
   */
  public record Status(
      long head, long published, long lag, boolean running, List<BlockedEvents.Blocked> blocked) {}

  public Status status() {
    return new Status(head(), published(), lag(), outbox().isRunning(), blockedEvents.blocked());
  }

  /** Every event an operator skipped: what, why, who and when. */
  public List<BlockedEvents.Skipped> skipped() {
    return blockedEvents.skipped();
  }

  /**
   * Lets the outbox go past the event {@code eventId} it is stopped on, without publishing it, and
   * records who decided it. The outbox tries again at once if it runs in this instance.
   *
   * @return the record, or empty when the outbox is not stopped on that event
   */
  public Optional<BlockedEvents.Skipped> skip(String eventId, String operator) {
    Optional<BlockedEvents.Skipped> skipped = blockedEvents.skip(eventId, operator);
    skipped.ifPresent(
        s -> {
          log.warn(
              "Event {} (global index {}, {}) skipped by {}: it will not be published",
              s.eventId(),
              s.globalIndex(),
              s.payloadType(),
              operator);
          TrackingEventProcessor outbox = outbox();
          if (outbox.isRunning()) {
            // ends the processor's back-off: it tries the event again now and passes it
            outbox.shutDown();
            outbox.start();
          }
        });
    return skipped;
  }

  private long head() {
    return position(eventStore.createHeadToken());
  }

  private long published() {
    return tokens.publishedPosition().orElse(-1);
  }

  private long lag() {
    return Math.max(0, head() - published());
  }

  /**
   * Publishes every event from global index {@code fromIndex} on again: the outbox processor stops,
   * its token moves back to just before that index (a token of the store's own kind), and it starts
   * again, whatever happened in between.
   *
   * @throws InvalidRepublicationException when {@code fromIndex} is outside the event store
   * @throws OutboxBusyException when another instance holds the outbox's token
   */
  public void republishFrom(long fromIndex) {
    TrackingToken head = eventStore.createHeadToken();
    long last = position(head);
    if (fromIndex < 0 || (fromIndex > 0 && fromIndex > last)) {
      throw new InvalidRepublicationException(fromIndex, last);
    }
    TrackingEventProcessor outbox = outbox();
    outbox.shutDown();
    try {
      if (fromIndex == 0) {
        outbox.resetTokens();
      } else {
        outbox.resetTokens(tokens.before(fromIndex, head));
      }
      log.warn("Outbox reset to publish again from global index {}", fromIndex);
    } catch (UnableToClaimTokenException e) {
      throw new OutboxBusyException(e);
    } finally {
      outbox.start();
    }
  }

  private TrackingEventProcessor outbox() {
    return processing
        .eventProcessor(OutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("This service has no outbox processor"));
  }

  private static long position(TrackingToken token) {
    return token == null ? -1 : token.position().orElse(-1);
  }

  /** A re-publication from an index the event store does not hold. */
  public static class InvalidRepublicationException extends RuntimeException {
    private final long last;

    InvalidRepublicationException(long from, long last) {
      super("Cannot publish again from " + from + ": the event store ends at " + last);
      this.last = last;
    }

    /** The store's last global index (-1: empty). */
    public long last() {
      return last;
    }
  }

  /** Another instance holds the outbox's token: it must run the re-publication. */
  public static class OutboxBusyException extends RuntimeException {
    OutboxBusyException(Throwable cause) {
      super("Another instance holds the outbox's token", cause);
    }
  }
}
