package fr.passerelle.eventbus.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record on an event topic that does not follow the bus contract. */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(ConsumerRecord<?, ?> record, String reason) {
    super(
        "Malformed event at %s-%d@%d: %s"
            .formatted(record.topic(), record.partition(), record.offset(), reason));
  }
}
