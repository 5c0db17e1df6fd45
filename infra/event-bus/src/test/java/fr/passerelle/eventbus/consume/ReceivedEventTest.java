package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.eventbus.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ReceivedEventTest {

  private static final Instant RECORDED = Instant.parse("2031-03-02T10:15:30.123Z");
  private static final Instant ON_THE_BUS = Instant.parse("2031-03-02T10:15:30.456Z");

  @Test
  void theContextSaysWhenTheBusTookTheEventWhoCausedItAndUnderWhichRequest() {
    ConsumerRecord<String, String> record =
        record(
            Map.of(
                CloudEventHeaders.REQUEST_ID, "req-12345678",
                CloudEventHeaders.ACTOR_SUBJECT, "prefecture-31",
                CloudEventHeaders.ACTOR_ROLES, "PREFECTURE, SECRETARIAT"));

    ReceivedEvent event = ReceivedEvent.from(record);

    assertThat(event.time()).isEqualTo(RECORDED);
    assertThat(event.context())
        .isEqualTo(
            new ReceivedEvent.Context(
                ON_THE_BUS,
                "req-12345678",
                "prefecture-31",
                java.util.List.of("PREFECTURE", "SECRETARIAT")));
  }

  @Test
  void anEventPublishedWithoutThemHasNoRequestNorActor() {
    ReceivedEvent event = ReceivedEvent.from(record(Map.of()));

    assertThat(event.context().busTime()).isEqualTo(ON_THE_BUS);
    assertThat(event.context().requestId()).isNull();
    assertThat(event.context().actorSubject()).isNull();
    assertThat(event.context().actorRoles()).isEmpty();
  }

  @Test
  void anEventTakenBackFromADeadLetterHasAnEmptyContext() {
    ReceivedEvent event =
        new ReceivedEvent("id", "type", "source", RECORDED, "dossier", "{}", "topic", 0, 1L);

    assertThat(event.context()).isEqualTo(ReceivedEvent.Context.NONE);
  }

  private static ConsumerRecord<String, String> record(Map<String, String> extra) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.ID, "event-1");
    header(headers, CloudEventHeaders.TYPE, "passerelle.test.happened.v1");
    header(headers, CloudEventHeaders.SOURCE, "/passerelle/test");
    header(headers, CloudEventHeaders.TIME, RECORDED.toString());
    header(headers, CloudEventHeaders.SUBJECT, "dossier-1");
    extra.forEach((name, value) -> header(headers, name, value));
    return new ConsumerRecord<>(
        "test.events",
        0,
        7L,
        ON_THE_BUS.toEpochMilli(),
        TimestampType.CREATE_TIME,
        -1,
        -1,
        "dossier-1",
        "{}",
        headers,
        Optional.empty());
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
