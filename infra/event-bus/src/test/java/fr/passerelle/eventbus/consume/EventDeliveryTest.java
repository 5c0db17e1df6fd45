package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Records of types a consumer does not handle are counted and left unread: each consumer of a topic
 * reads every record of it (a rebuild, all of them), and most are some other consumer's.
 */
class EventDeliveryTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /** Without an inbox nor dead letters: a record read further than its type would fail here. */
  private final EventDelivery delivery =
      new EventDelivery(
          null,
          null,
          4,
          Duration.ofMillis(1),
          Duration.ofMillis(1),
          null,
          meters,
          MessageTracing.none());

  private final EventConsumer permits =
      EventConsumer.named("permits")
          .topics("test.events")
          .on("permit", String.class, data -> {})
          .build();

  @Test
  void recordsOfOtherTypesAreCountedAndNotReadEvenIfTheRestOfThemIsMalformed() {
    delivery.deliverBatch(
        permits,
        List.of(record(0, "afis", "2031-01-01T00:00:00Z"), record(1, "afis", "yesterday")));
    delivery.deliver(permits, record(2, "housing", null));

    assertThat(ignored("afis")).isEqualTo(2);
    assertThat(ignored("housing")).isEqualTo(1);
  }

  /**
   * A replay (a rebuild) delivers without spans, and reads no tracing header for one, but the lines
   * its consumers log while applying an event still carry the request that caused it.
   */
  @Test
  void anUntracedBatchAppliesEachEventUnderItsOwnRequestId() {
    List<String> seen = new ArrayList<>();
    EventConsumer logging =
        EventConsumer.named("permits")
            .topics("test.events")
            .on("permit", Map.class, data -> seen.add(MDC.get(Correlation.REQUEST_ID)))
            .build();
    Inbox applyingAll =
        new Inbox(null, null, null, null) {
          @Override
          public List<Outcome> deliverAll(
              EventConsumer consumer, List<ReceivedEvent> events, Consumer<ReceivedEvent> effect) {
            events.forEach(effect);
            return events.stream().map(event -> Outcome.APPLIED).toList();
          }
        };
    EventDelivery replay =
        new EventDelivery(
                applyingAll,
                null,
                4,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                new ConsumerAvailability(),
                meters,
                MessageTracing.none())
            .untraced();
    var first = record(0, "permit", "2031-01-01T00:00:00Z");
    var second = record(1, "permit", "2031-01-01T00:00:01Z");
    first
        .headers()
        .add(CloudEventHeaders.REQUEST_ID, "request-first".getBytes(StandardCharsets.UTF_8));
    second
        .headers()
        .add(CloudEventHeaders.REQUEST_ID, "request-second".getBytes(StandardCharsets.UTF_8));

    replay.deliverBatch(logging, List.of(first, second));

    assertThat(seen).containsExactly("request-first", "request-second");
    assertThat(MDC.get(Correlation.REQUEST_ID)).isNull();
  }

  private double ignored(String type) {
    return meters
        .get("passerelle.eventbus.consumed")
        .tags("consumer", "permits", "type", type, "outcome", Outcome.IGNORED.tag())
        .counter()
        .count();
  }

  private static ConsumerRecord<String, String> record(long offset, String type, String time) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.ID, "event-" + offset);
    header(headers, CloudEventHeaders.TYPE, type);
    header(headers, CloudEventHeaders.SOURCE, "/test");
    header(headers, CloudEventHeaders.SUBJECT, "dossier");
    if (time != null) {
      header(headers, CloudEventHeaders.TIME, time);
    }
    return new ConsumerRecord<>(
        "test.events",
        0,
        offset,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        "dossier",
        "{}",
        headers,
        Optional.empty());
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
