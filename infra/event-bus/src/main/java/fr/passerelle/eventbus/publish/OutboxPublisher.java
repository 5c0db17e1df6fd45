package fr.passerelle.eventbus.publish;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox: a streaming event processor that reads the service's own event store and sends the
 * mapped integration events to the service's Kafka topic. The events of a batch are handed to the
 * producer one after the other, and the handling of the batch's last event waits until Kafka has
 * acknowledged all of them, before the batch commits with its token ({@code acks=all}, idempotent
 * producer, so a partition keeps their order); a failure fails the batch, the processor keeps its
 * token, backs off and sends the same events again. Nothing is skipped and there is no dual write:
 * the event store is the outbox. The Axon event identifier becomes {@code ce_id}, so a re-sent
 * event carries the id consumers deduplicate on.
 *
 * <p>Each record sent is a producer span, child of the span in which the processor handles the
 * event (itself a child of the command's, ADR 43), ended by Kafka's acknowledgement; its context
 * goes in the record's {@code traceparent} header for the consumers to continue the trace.
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
public class OutboxPublisher {

  public static final String PROCESSING_GROUP = "kafka-outbox";

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final int MAX_ERROR_LENGTH = 500;
  private static final String SENDS = OutboxPublisher.class.getName() + ".sends";

  private final IntegrationEventMapper mapper;
  private final KafkaTemplate<String, String> kafka;
  private final String topic;
  private final String source;
  private final Duration sendTimeout;
  private final MeterRegistry meters;
  private final BlockedEvents blockedEvents;
  private final MessageTracing tracing;
  private volatile boolean mayBeBlocked = true;

  public OutboxPublisher(
      IntegrationEventMapper mapper,
      KafkaTemplate<String, String> kafka,
      String topic,
      String source,
      Duration sendTimeout,
      BlockedEvents blockedEvents,
      MeterRegistry meters,
      MessageTracing tracing) {
    this.meters = meters;
    this.tracing = tracing;
    this.blockedEvents = blockedEvents;
    this.mapper = mapper;
    this.kafka = kafka;
    this.topic = topic;
    this.source = source;
    this.sendTimeout = sendTimeout;
  }

  @EventHandler
  public void on(EventMessage<?> message)
      throws ExecutionException, InterruptedException, TimeoutException {
    var published = mapped(message);
    List<Sent> batch = batch();
    if (published.isPresent()) {
      batch.add(send(message, published.get()));
    }
    if (lastOfBatch()) {
      awaitAcknowledgements(batch);
      batch.clear();
    }
    if (mayBeBlocked) {
      blockedEvents.passed(globalIndex(message));
      mayBeBlocked = false;
    }
  }

  /** The sends of the processor's current batch (a batch of one outside a unit of work). */
  private List<Sent> batch() {
    return CurrentUnitOfWork.isStarted()
        ? CurrentUnitOfWork.get().root().getOrComputeResource(SENDS, key -> new ArrayList<>())
        : new ArrayList<>();
  }

  /**
   * Whether this event is the last of the processor's batch: its handling waits for the whole
   * batch's acknowledgements, so that a failure fails the batch before its token is stored.
   */
  private static boolean lastOfBatch() {
    return !CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
        || batch.isLastMessage();
  }

  /**
   * The integration event of an internal one, if it is published. An event that cannot be mapped
   * (the mapper throws, or its payload cannot be read) stops the outbox here, in order: it is
   * recorded as blocked for the operators and the batch fails, to be retried, until a fix is
   * deployed or an operator skips it.
   */
  private Optional<IntegrationEvent> mapped(EventMessage<?> message) {
    try {
      return mapper.map(message.getPayload());
    } catch (RuntimeException e) {
      if (blockedEvents.isSkipped(message.getIdentifier())) {
        log.warn(
            "Event {} ({}) not published: an operator skipped it",
            message.getIdentifier(),
            message.getPayloadType().getName());
        Counter.builder("passerelle.eventbus.outbox.skipped")
            .description("Internal events an operator chose not to publish")
            .register(meters)
            .increment();
        return Optional.empty();
      }
      String error = describe(e);
      blockedEvents.record(
          message.getIdentifier(), globalIndex(message), message.getPayloadType().getName(), error);
      mayBeBlocked = true;
      throw new UnpublishableEventException(message.getIdentifier(), error, e);
    }
  }

  private static long globalIndex(EventMessage<?> message) {
    return message instanceof TrackedEventMessage<?> tracked
        ? tracked.trackingToken().position().orElse(-1)
        : -1;
  }

  private static String describe(Throwable e) {
    String text = e.getClass().getName() + ": " + e.getMessage();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }

  /** An internal event the outbox cannot publish: it stops on it until fixed or skipped. */
  static class UnpublishableEventException extends RuntimeException {
    UnpublishableEventException(String eventId, String error, Throwable cause) {
      super("The outbox cannot publish event " + eventId + ": " + error, cause);
    }
  }

  private Sent send(EventMessage<?> message, IntegrationEvent event) {
    String eventId = message.getIdentifier();
    Instant time = message.getTimestamp();
    log.debug("Publishing event {} ({}) of dossier {}", eventId, event.type(), event.dossierId());
    var headers = new RecordHeaders();
    // the request that caused the event, for the consumers' logs
    Object requestId = message.getMetaData().get(Correlation.REQUEST_ID);
    if (requestId != null) {
      header(headers, CloudEventHeaders.REQUEST_ID, requestId.toString());
    }
    // the span that sends it, for the consumers' spans
    Span span = tracing.startChild("publish " + event.type(), Span.Kind.PRODUCER);
    span.remoteServiceName("kafka")
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", topic)
        .tag("messaging.message.id", eventId);
    tracing.inject(span, (name, value) -> header(headers, name, value));
    // who acted, for the auditors' history of the dossier
    Object actorSubject = message.getMetaData().get(Correlation.ACTOR_SUBJECT);
    Object actorRoles = message.getMetaData().get(Correlation.ACTOR_ROLES);
    if (actorSubject != null) {
      header(headers, CloudEventHeaders.ACTOR_SUBJECT, actorSubject.toString());
    }
    if (actorRoles != null) {
      header(headers, CloudEventHeaders.ACTOR_ROLES, actorRoles.toString());
    }
    header(headers, CloudEventHeaders.ID, eventId);
    header(headers, CloudEventHeaders.TYPE, event.type());
    header(headers, CloudEventHeaders.SOURCE, source);
    header(headers, CloudEventHeaders.TIME, time.toString());
    header(headers, CloudEventHeaders.SUBJECT, event.dossierId());
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    var record =
        new ProducerRecord<>(
            topic, null, event.dossierId(), EventJson.write(event.data()), headers);
    CompletableFuture<?> acknowledgement;
    try {
      acknowledgement = kafka.send(record);
    } catch (RuntimeException e) {
      span.error(e);
      span.end();
      throw e;
    }
    acknowledgement.whenComplete(
        (sent, failure) -> {
          if (failure != null) {
            span.error(failure);
          }
          span.end();
        });
    return new Sent(event.type(), acknowledgement);
  }

  /** A record handed to the producer, and Kafka's acknowledgement to come. */
  private record Sent(String type, CompletableFuture<?> acknowledgement) {}

  /**
   * Sends what the producer still holds and waits for every acknowledgement, within the send
   * timeout: one round trip for the whole batch rather than one per event. A failure fails the
   * batch, whose token is then not stored: the processor sends the batch again, in order.
   */
  private void awaitAcknowledgements(List<Sent> sends)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (sends.isEmpty()) {
      return;
    }
    kafka.flush();
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (Sent sent : sends) {
      sent.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    for (Sent sent : sends) {
      Counter.builder("passerelle.eventbus.published")
          .description("Integration events sent to Kafka and acknowledged")
          .tag("type", sent.type())
          .register(meters)
          .increment();
    }
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
