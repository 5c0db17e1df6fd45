package fr.passerelle.eventbus.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What an operator does with the outbox: see how far behind the event store it is, and publish a
 * range again (consumers deduplicate on {@code ce_id}, so re-publication is harmless).
 */
public class OutboxOperations {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  public OutboxOperations(
      EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
    this.processing = processing;
    this.eventStore = eventStore;
    Gauge.builder("passerelle.eventbus.publisher.lag", this, o -> o.lag().orElse(0))
        .description("Events in the event store that the outbox has not published yet")
        .register(meters);
  }

  /** The outbox's progress: the store's head and the last published position. */
  public record Status(long head, long published, long lag) {}

  public Status status() {
    long head = position(eventStore.createHeadToken());
    long published = publishedPosition().orElse(-1);
    return new Status(head, published, Math.max(0, head - published));
  }

  /**
   * Publishes every event from global index {@code fromIndex} on again: the outbox processor stops,
   * its token moves back, and it starts again.
   */
  public void republishFrom(long fromIndex) {
    TrackingEventProcessor outbox = outbox();
    outbox.shutDown();
    if (fromIndex <= 0) {
      outbox.resetTokens();
    } else {
      outbox.resetTokens(new GlobalSequenceTrackingToken(fromIndex - 1));
    }
    outbox.start();
  }

  private OptionalLong lag() {
    OptionalLong published = publishedPosition();
    if (published.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(0, position(eventStore.createHeadToken()) - published.getAsLong()));
  }

  private OptionalLong publishedPosition() {
    return outbox().processingStatus().values().stream()
        .map(EventTrackerStatus::getCurrentPosition)
        .filter(OptionalLong::isPresent)
        .mapToLong(OptionalLong::getAsLong)
        .min();
  }

  private TrackingEventProcessor outbox() {
    return processing
        .eventProcessor(OutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("This service has no outbox processor"));
  }

  private static long position(TrackingToken token) {
    return token == null ? -1 : token.position().orElse(-1);
  }
}
