package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventConsumerTest {

  record Happened(String dossierId, String value) {}

  @Test
  void aHandlerOfReceivedEventsGetsTheDataAndTheEventItCameIn() {
    List<String> seen = new ArrayList<>();
    EventConsumer consumer =
        EventConsumer.named("with-context")
            .topics("test.events")
            .onReceived(
                "happened",
                Happened.class,
                (happened, event) -> seen.add(happened.value() + "@" + event.time()))
            .build();

    consumer.apply(event("happened", "{\"dossierId\":\"d\",\"value\":\"v\"}"));

    assertThat(seen).containsExactly("v@2031-01-01T00:00:00Z");
  }

  @Test
  void aConsumerOfEveryTypeTakesTypesItWasNotWrittenForAndLeavesNamedOnesToTheirHandler() {
    List<String> everyType = new ArrayList<>();
    List<String> named = new ArrayList<>();
    EventConsumer consumer =
        EventConsumer.named("ledger")
            .topics("test.events")
            .on("happened", Happened.class, happened -> named.add(happened.value()))
            .onEveryType(event -> everyType.add(event.type()))
            .build();

    ReceivedEvent unknown = event("published-later.v1", "{}");
    ReceivedEvent happened = event("happened", "{\"dossierId\":\"d\",\"value\":\"v\"}");

    assertThat(consumer.handles(unknown.type())).isTrue();
    consumer.apply(unknown);
    consumer.apply(happened);
    assertThat(everyType).containsExactly("published-later.v1");
    assertThat(named).containsExactly("v");
  }

  @Test
  void aConsumerWithoutAnyHandlerIsRefused() {
    assertThatThrownBy(() -> EventConsumer.named("nothing").topics("test.events").build())
        .isInstanceOf(IllegalStateException.class);
  }

  private static ReceivedEvent event(String type, String data) {
    return new ReceivedEvent(
        "id",
        type,
        "source",
        Instant.parse("2031-01-01T00:00:00Z"),
        "d",
        data,
        "test.events",
        0,
        0);
  }
}
