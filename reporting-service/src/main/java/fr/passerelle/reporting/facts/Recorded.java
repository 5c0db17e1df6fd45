package fr.passerelle.reporting.facts;

import fr.passerelle.eventbus.consume.ReceivedEvent;
import java.sql.Timestamp;

/**
 * When the platform learnt a fact, kept beside the fact's own dates in every read model: the event
 * it came from, when its service recorded that event ({@code ce_time}) and when the bus took it
 * (the Kafka record's timestamp, the same however often the topics are read again). Reviews "as
 * known at" an instant count the facts recorded by then.
 */
public record Recorded(String eventId, Timestamp recordedAt, Timestamp receivedAt) {

  public static Recorded of(ReceivedEvent event) {
    return new Recorded(
        event.id(),
        Timestamp.from(event.time()),
        event.context().busTime() == null ? null : Timestamp.from(event.context().busTime()));
  }
}
