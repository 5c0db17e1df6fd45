package fr.passerelle.eventbus.consume;

import fr.passerelle.eventbus.AsynchronousCommit;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the effect of an event happen once, and in its dossier's order. In one database
 * transaction, under a lock on (consumer, dossier): if the dossier has dead letters, the event is
 * parked behind them; otherwise its id goes into the inbox table and the effect runs. An id already
 * in the inbox means the effect already happened, and the event is skipped. Redelivery after a
 * crash, a rebalance or a re-publication is therefore harmless.
 *
 * <p>The transactions of a consumer that writes a {@linkplain EventConsumer#readModel read model}
 * commit asynchronously: they are read at once, and written to disk moments later ({@link
 * DurableOffsets}).
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

  /** The locks of several dossiers, taken in the order given. */
  private static final String LOCK_ALL =
      "SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || subject, 0))"
          + " FROM unnest(CAST(? AS TEXT[])) WITH ORDINALITY AS s (subject, n) ORDER BY n";

  private static final String RECORD_ALL =
      """
      INSERT INTO eventbus_inbox
        (consumer, event_id, event_type, subject, topic, kafka_partition, kafka_offset, event_time)
      SELECT ?, e.*
      FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
                  CAST(? AS INTEGER[]), CAST(? AS BIGINT[]), CAST(CAST(? AS TEXT[]) AS TIMESTAMPTZ[]))
        AS e (event_id, event_type, subject, topic, kafka_partition, kafka_offset, event_time)
      ON CONFLICT (consumer, event_id) DO NOTHING
      RETURNING event_id
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
  public Outcome deliver(
      EventConsumer consumer, ReceivedEvent event, Consumer<ReceivedEvent> effect) {
    String name = consumer.name();
    return transaction.execute(
        status -> {
          lock(name, event.subject());
          commitsAsynchronouslyIf(consumer.readModel());
          if (deadLetters.blocks(name, event.subject())) {
            deadLetters.park(name, event);
            return Outcome.PARKED;
          }
          return applyOnce(name, event, effect);
        });
  }

  /**
   * Applies {@code effect} to each of {@code events} (in their order) that {@code consumer} has not
   * seen, parking those whose dossier has dead letters, all in one database transaction: the same
   * as {@link #deliver} for each, with a few statements for the whole batch instead of a few per
   * event. An exception from any effect rolls the whole batch back and is rethrown.
   *
   * @return the outcome of each event, in their order
   */
  public List<Outcome> deliverAll(
      EventConsumer consumer, List<ReceivedEvent> events, Consumer<ReceivedEvent> effect) {
    String name = consumer.name();
    return transaction.execute(
        status -> {
          gate.open();
          String[] subjects =
              events.stream()
                  .map(ReceivedEvent::subject)
                  .distinct()
                  .sorted()
                  .toArray(String[]::new);
          // in one order everywhere, so that two batches never wait for each other's locks
          jdbc.query(LOCK_ALL, rs -> {}, name, subjects);
          commitsAsynchronouslyIf(consumer.readModel());
          Set<String> blocked = deadLetters.blocking(name, subjects);
          List<ReceivedEvent> applicable =
              events.stream().filter(event -> !blocked.contains(event.subject())).toList();
          Set<String> unseen = recordAll(name, applicable);
          List<Outcome> outcomes = new ArrayList<>(events.size());
          for (ReceivedEvent event : events) {
            if (blocked.contains(event.subject())) {
              deadLetters.park(name, event);
              outcomes.add(Outcome.PARKED);
            } else if (unseen.remove(event.id())) {
              effect.accept(event);
              outcomes.add(Outcome.APPLIED);
            } else {
              outcomes.add(Outcome.DUPLICATE);
            }
          }
          return outcomes;
        });
  }

  private void commitsAsynchronouslyIf(boolean readModel) {
    if (readModel) {
      AsynchronousCommit.forThisTransaction(jdbc);
    }
  }

  /** Records the events in the inbox in one statement; the ids not seen before. */
  private Set<String> recordAll(String consumer, List<ReceivedEvent> events) {
    if (events.isEmpty()) {
      return new HashSet<>();
    }
    return new HashSet<>(
        jdbc.queryForList(
            RECORD_ALL,
            String.class,
            consumer,
            events.stream().map(ReceivedEvent::id).toArray(String[]::new),
            events.stream().map(ReceivedEvent::type).toArray(String[]::new),
            events.stream().map(ReceivedEvent::subject).toArray(String[]::new),
            events.stream().map(ReceivedEvent::topic).toArray(String[]::new),
            events.stream().map(ReceivedEvent::partition).toArray(Integer[]::new),
            events.stream().map(ReceivedEvent::offset).toArray(Long[]::new),
            events.stream().map(event -> event.time().toString()).toArray(String[]::new)));
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
