package fr.passerelle.eventbus.consume;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers each record read for a consumer: parks it, applies it once, or, when the handler keeps
 * failing on working infrastructure (a poison event), dead-letters it after a few attempts with
 * backoff so that the partition keeps flowing for other dossiers. When the infrastructure fails
 * instead ({@link Failures}: the database is down, a timeout, a transaction failure), nothing is
 * dead-lettered: the failure is thrown, the consumer is marked unavailable (readiness down) and the
 * listener container retries the same record with backoff, without limit.
 *
 * <p>Each record is delivered in a consumer span, child of the span that published it (its {@code
 * traceparent} header, ADR 43), with its request id in the logging context.
 */
public class EventDelivery {

  private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
  private static final int MAX_ERROR_LENGTH = 2_000;
  private static final Duration POSTPONED = Duration.ofMillis(50);

  private final Inbox inbox;
  private final DeadLetters deadLetters;
  private final int attempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final MeterRegistry meters;
  private final ConsumerAvailability availability;
  private final MessageTracing tracing;
  private final Map<Count, Counter> counters;

  public EventDelivery(
      Inbox inbox,
      DeadLetters deadLetters,
      int attempts,
      Duration initialBackoff,
      Duration maxBackoff,
      ConsumerAvailability availability,
      MeterRegistry meters,
      MessageTracing tracing) {
    this.availability = availability;
    this.tracing = tracing;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.attempts = attempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.meters = meters;
    this.counters = new ConcurrentHashMap<>();
  }

  private EventDelivery(EventDelivery delivery, MessageTracing tracing) {
    this.availability = delivery.availability;
    this.tracing = tracing;
    this.inbox = delivery.inbox;
    this.deadLetters = delivery.deadLetters;
    this.attempts = delivery.attempts;
    this.initialBackoff = delivery.initialBackoff;
    this.maxBackoff = delivery.maxBackoff;
    this.meters = delivery.meters;
    this.counters = delivery.counters;
  }

  /**
   * The same delivery without spans, for a replay of history (a read model's rebuild): the traces
   * of its records ended when they were first consumed, and a span for each record again would add
   * one to every past trace (ADR 43). The logging context still carries each record's request id;
   * the counts are the same counters.
   */
  public EventDelivery untraced() {
    return new EventDelivery(this, MessageTracing.none());
  }

  public Outcome deliver(EventConsumer consumer, ConsumerRecord<String, String> record) {
    String type = header(record, CloudEventHeaders.TYPE);
    if (ignores(consumer, type)) {
      return counted(consumer, type, Outcome.IGNORED);
    }
    Correlation.enter(Correlation.requestId(header(record, CloudEventHeaders.REQUEST_ID)));
    Span span = consumed(consumer, record);
    try (var ignored = tracing.inScope(span)) {
      return deliverWithinCorrelation(consumer, record);
    } catch (RuntimeException | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
      Correlation.leave();
    }
  }

  /**
   * The span of a record's delivery to a consumer: named after the consumer and the event's type
   * (never its content), child of the publisher's span.
   */
  private Span consumed(EventConsumer consumer, ConsumerRecord<String, String> record) {
    if (!tracing.traces()) {
      // a replay's records, or a service without a tracer: no span, so no header read for one
      return Span.NOOP;
    }
    String type = header(record, CloudEventHeaders.TYPE);
    Span span =
        tracing.startChildOf(
            name -> header(record, name),
            consumer.name() + " " + (type == null ? "event" : type),
            Span.Kind.CONSUMER);
    span.remoteServiceName("kafka")
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", record.topic())
        .tag("messaging.consumer.group.name", consumer.name());
    String id = header(record, CloudEventHeaders.ID);
    if (id != null) {
      span.tag("messaging.message.id", id);
    }
    return span;
  }

  /**
   * Delivers the records of one poll: those of types the consumer does not handle are counted and
   * left unread; the others in one database transaction when they all follow the bus contract and
   * apply (few statements per batch, one commit), otherwise one by one through {@link #deliver},
   * which gives a poison event its attempts and its dead letter while the others are applied (those
   * already applied are recognised by the inbox). An infrastructure failure is thrown: the listener
   * container retries the whole batch.
   */
  public void deliverBatch(EventConsumer consumer, List<ConsumerRecord<String, String>> records) {
    List<ReceivedEvent> handled = new ArrayList<>();
    Map<String, Integer> ignored = new HashMap<>();
    Map<ReceivedEvent, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      String type = header(record, CloudEventHeaders.TYPE);
      if (ignores(consumer, type)) {
        ignored.merge(type, 1, Integer::sum);
        continue;
      }
      ReceivedEvent event;
      try {
        event = ReceivedEvent.from(record);
      } catch (MalformedEventException e) {
        records.forEach(each -> deliver(consumer, each));
        return;
      }
      handled.add(event);
      recordOf.put(event, record);
    }
    ignored.forEach((type, count) -> counter(consumer, type, Outcome.IGNORED).increment(count));
    if (handled.size() <= 1) {
      handled.forEach(event -> deliver(consumer, recordOf.get(event)));
      return;
    }
    while (true) {
      try {
        List<Outcome> outcomes =
            inbox.deliverAll(
                consumer,
                handled,
                event ->
                    withCorrelation(
                        consumer,
                        event,
                        recordOf.get(event),
                        () -> {
                          consumer.apply(event);
                          applied(consumer, event);
                        }));
        availability.succeeded(consumer.name());
        for (int i = 0; i < handled.size(); i++) {
          counted(consumer, handled.get(i).type(), outcomes.get(i));
        }
        return;
      } catch (DeliveryPostponedException e) {
        pause(POSTPONED);
      } catch (RuntimeException e) {
        if (Failures.isInfrastructure(e)) {
          throw unavailable(consumer, handled.get(0), e);
        }
        log.warn(
            "{} could not apply a batch of {} events at once, applying them one by one: {}",
            consumer.name(),
            handled.size(),
            e.toString());
        handled.forEach(event -> deliver(consumer, recordOf.get(event)));
        return;
      }
    }
  }

  private void withCorrelation(
      EventConsumer consumer,
      ReceivedEvent event,
      ConsumerRecord<String, String> record,
      Runnable work) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    Correlation.enter(Correlation.requestId(event.context().requestId()));
    Span span = consumed(consumer, record);
    try (var ignored = tracing.inScope(span)) {
      work.run();
    } catch (RuntimeException | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  /**
   * Whether the record is of a type the consumer does not handle, read from its type alone: the
   * rest of a record left to other consumers is neither read nor checked (a record without a type
   * is read, and dead-lettered as malformed).
   */
  private static boolean ignores(EventConsumer consumer, String type) {
    return type != null && !consumer.handles(type);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Outcome deliverWithinCorrelation(
      EventConsumer consumer, ConsumerRecord<String, String> record) {
    ReceivedEvent event;
    try {
      event = ReceivedEvent.from(record);
    } catch (MalformedEventException e) {
      ReceivedEvent readable = ReceivedEvent.lenient(record);
      log.error("{} dead-letters a malformed record: {}", consumer.name(), e.getMessage());
      deadLetter(consumer, readable, e.getMessage(), 1);
      return counted(consumer, readable.type(), Outcome.DEAD_LETTERED);
    }
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome =
            inbox.deliver(
                consumer,
                event,
                received -> {
                  consumer.apply(received);
                  applied(consumer, received);
                });
        availability.succeeded(consumer.name());
        return counted(consumer, event.type(), outcome);
      } catch (DeliveryPostponedException e) {
        attempt--;
        pause(POSTPONED);
      } catch (RuntimeException e) {
        if (Failures.isInfrastructure(e)) {
          throw unavailable(consumer, event, e);
        }
        if (attempt >= attempts) {
          log.error(
              "{} dead-letters event {} ({}) of dossier {} after {} attempts",
              consumer.name(),
              event.id(),
              event.type(),
              event.subject(),
              attempt,
              e);
          deadLetter(consumer, event, describe(e), attempt);
          return counted(consumer, event.type(), Outcome.DEAD_LETTERED);
        }
        retries(consumer).increment();
        log.warn(
            "{} failed to apply event {} ({}), attempt {} of {}: {}",
            consumer.name(),
            event.id(),
            event.type(),
            attempt,
            attempts,
            e.toString());
        pause(backoff);
        backoff = min(backoff.multipliedBy(2), maxBackoff);
      }
    }
  }

  /** A line per event applied, for following a request (its trace) into the consumers' logs. */
  private static void applied(EventConsumer consumer, ReceivedEvent event) {
    log.debug(
        "{} applies event {} ({}) of dossier {}",
        consumer.name(),
        event.id(),
        event.type(),
        event.subject());
  }

  /**
   * Writes a dead letter; if even that fails, the record is retried later like any infrastructure
   * failure (nothing is skipped).
   */
  private void deadLetter(EventConsumer consumer, ReceivedEvent event, String error, int attempts) {
    try {
      deadLetters.fail(consumer.name(), event, error, attempts);
      availability.succeeded(consumer.name());
    } catch (RuntimeException e) {
      throw unavailable(consumer, event, e);
    }
  }

  /**
   * The infrastructure failed, not the event: no dead letter, no attempt counted. The consumer is
   * marked unavailable (readiness goes down) and the listener container retries the record with
   * backoff, without limit.
   */
  private InfrastructureUnavailableException unavailable(
      EventConsumer consumer, ReceivedEvent event, RuntimeException e) {
    availability.failed(consumer.name(), describe(e));
    Counter.builder("passerelle.eventbus.consumer.infrastructure-failures")
        .description(
            "Attempts to apply an event that the infrastructure failed; retried without limit")
        .tag("consumer", consumer.name())
        .register(meters)
        .increment();
    log.warn(
        "{} cannot apply event {} ({}) of dossier {}: infrastructure failure, will retry: {}",
        consumer.name(),
        event.id(),
        event.type(),
        event.subject(),
        e.toString());
    return new InfrastructureUnavailableException(consumer.name(), e);
  }

  static String describe(Throwable e) {
    String text = e.getClass().getName() + ": " + e.getMessage();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }

  private Outcome counted(EventConsumer consumer, String type, Outcome outcome) {
    counter(consumer, type, outcome).increment();
    return outcome;
  }

  /** The count of a consumer's deliveries of a type with an outcome, registered once. */
  private Counter counter(EventConsumer consumer, String type, Outcome outcome) {
    return counters.computeIfAbsent(
        new Count(consumer.name(), type, outcome),
        count ->
            Counter.builder("passerelle.eventbus.consumed")
                .description("Integration events delivered to a consumer, by outcome")
                .tag("consumer", count.consumer())
                .tag("type", count.type())
                .tag("outcome", count.outcome().tag())
                .register(meters));
  }

  private record Count(String consumer, String type, Outcome outcome) {}

  private Counter retries(EventConsumer consumer) {
    return Counter.builder("passerelle.eventbus.consumer.retries")
        .description("Failed attempts to apply an event that were retried")
        .tag("consumer", consumer.name())
        .register(meters);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while backing off", e);
    }
  }
}
