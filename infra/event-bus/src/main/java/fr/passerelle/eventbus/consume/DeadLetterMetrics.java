package fr.passerelle.eventbus.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Gauges of the dead letters each consumer has, failed and parked. */
public class DeadLetterMetrics {

  public DeadLetterMetrics(
      DeadLetters deadLetters, List<EventConsumer> consumers, MeterRegistry meters) {
    for (EventConsumer consumer : consumers) {
      for (String status : List.of(DeadLetter.FAILED, DeadLetter.PARKED)) {
        Gauge.builder(
                "passerelle.eventbus.dead-letters",
                deadLetters,
                letters -> letters.count(consumer.name(), status))
            .description("Dead letters of a consumer, failed or parked behind a failed one")
            .tag("consumer", consumer.name())
            .tag("status", status.toLowerCase(java.util.Locale.ROOT))
            .register(meters);
      }
    }
  }
}
