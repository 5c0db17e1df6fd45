package fr.passerelle.eventbus.consume;

import java.sql.Timestamp;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the effect of an event happen once, and in its dossier's order. In one database
 * transaction, under a lock on (consumer, dossier): if the dossier has dead letters, the event is
 * parked behind them; otherwise its id goes into the inbox table and the effect runs. An id already
 * in the inbox means the effect already happened, and the event is skipped. Redelivery after a
 * crash, a rebalance or a re-publication is therefore harmless.
 */
public class Inbox {

  static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))";

  private static final String RECORD =
      """
      INSERT INTO eventbus_inbox
        (consumer, event_id, event_type, subject, topic, kafka_partition, kafka_offset, event_time)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (consumer, event_id) DO NOTHING
      """;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final DeadLetters deadLetters;
  private final DeliveryGate gate;

  public Inbox(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      DeadLetters deadLetters,
      DeliveryGate gate) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.deadLetters = deadLetters;
    this.gate = gate;
  }

  /**
   * Applies {@code effect} to {@code event} unless {@code consumer} has already seen it, or parks
   * it behind its dossier's dead letters. The effect must write through the same data source, so
   * that it commits or rolls back with the inbox record. An exception from the effect rolls
   * everything back and is rethrown.
   */
  public Outcome deliver(String consumer, ReceivedEvent event, Consumer<ReceivedEvent> effect) {
    return transaction.execute(
        status -> {
          lock(consumer, event.subject());
          if (deadLetters.blocks(consumer, event.subject())) {
            deadLetters.park(consumer, event);
            return Outcome.PARKED;
          }
          return applyOnce(consumer, event, effect);
        });
  }

  /** Within the caller's transaction and lock: applies the effect unless already applied. */
  Outcome applyOnce(String consumer, ReceivedEvent event, Consumer<ReceivedEvent> effect) {
    int inserted =
        jdbc.update(
            RECORD,
            consumer,
            event.id(),
            event.type(),
            event.subject(),
            event.topic(),
            event.partition(),
            event.offset(),
            Timestamp.from(event.time()));
    if (inserted == 0) {
      return Outcome.DUPLICATE;
    }
    effect.accept(event);
    return Outcome.APPLIED;
  }

  /**
   * Opens the transaction through the service's {@link DeliveryGate}, then takes the lock of the
   * dossier: the first thing every transaction that applies events does.
   */
  void lock(String consumer, String subject) {
    gate.open();
    jdbc.query(LOCK, rs -> {}, consumer, subject);
  }
}
