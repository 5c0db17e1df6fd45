package fr.passerelle.eventbus.consume;

import java.time.Instant;

/** An event a consumer could not apply (FAILED), or one parked behind such an event (PARKED). */
public record DeadLetter(
    long id,
    String consumer,
    String eventId,
    String eventType,
    String subject,
    String topic,
    int partition,
    long offset,
    Instant eventTime,
    String status,
    String error,
    int attempts,
    Instant createdAt,
    Instant updatedAt) {

  public static final String FAILED = "FAILED";
  public static final String PARKED = "PARKED";
}
