package fr.passerelle.eventbus.publish;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.eventbus.IntegrationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox: a streaming event processor that reads the service's own event store and sends the
 * mapped integration events to the service's Kafka topic. Each send waits for Kafka's
 * acknowledgement ({@code acks=all}, idempotent producer); a failure is thrown, so the processor
 * keeps its token, backs off and retries the same events. Nothing is skipped and there is no dual
 * write: the event store is the outbox. The Axon event identifier becomes {@code ce_id}, so a
 * re-sent event carries the id consumers deduplicate on.
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
public class OutboxPublisher {

  public static final String PROCESSING_GROUP = "kafka-outbox";

  private final IntegrationEventMapper mapper;
  private final KafkaTemplate<String, String> kafka;
  private final String topic;
  private final String source;
  private final Duration sendTimeout;
  private final MeterRegistry meters;

  public OutboxPublisher(
      IntegrationEventMapper mapper,
      KafkaTemplate<String, String> kafka,
      String topic,
      String source,
      Duration sendTimeout,
      MeterRegistry meters) {
    this.meters = meters;
    this.mapper = mapper;
    this.kafka = kafka;
    this.topic = topic;
    this.source = source;
    this.sendTimeout = sendTimeout;
  }

  @EventHandler
  public void on(Object internalEvent, EventMessage<?> message)
      throws ExecutionException, InterruptedException, TimeoutException {
    var published = mapper.map(internalEvent);
    if (published.isPresent()) {
      send(message, published.get());
    }
  }

  private void send(EventMessage<?> message, IntegrationEvent event)
      throws ExecutionException, InterruptedException, TimeoutException {
    String eventId = message.getIdentifier();
    Instant time = message.getTimestamp();
    var headers = new RecordHeaders();
    // the request that caused the event, for the consumers' logs
    Object requestId = message.getMetaData().get(Correlation.REQUEST_ID);
    Object traceparent = message.getMetaData().get(Correlation.TRACEPARENT);
    if (requestId != null) {
      header(headers, CloudEventHeaders.REQUEST_ID, requestId.toString());
    }
    if (traceparent != null) {
      header(headers, CloudEventHeaders.TRACEPARENT, traceparent.toString());
    }
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
    kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    Counter.builder("passerelle.eventbus.published")
        .description("Integration events sent to Kafka and acknowledged")
        .tag("type", event.type())
        .register(meters)
        .increment();
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
