package fr.passerelle.eventbus.consume;

import java.sql.Timestamp;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the effect of an event happen once. The event id goes into the inbox table in the same
 * database transaction as the effect; an id already there means the effect already happened, and
 * the event is skipped. Redelivery after a crash, a rebalance or a re-publication is therefore
 * harmless.
 */
public class Inbox {

  private static final String RECORD =
      """
      INSERT INTO eventbus_inbox
        (consumer, event_id, event_type, subject, topic, kafka_partition, kafka_offset, event_time)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (consumer, event_id) DO NOTHING
      """;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public Inbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Applies {@code effect} to {@code event} unless {@code consumer} has already seen the event. The
   * effect must write through the same data source, so that it commits or rolls back with the inbox
   * record.
   *
   * @return true when the effect was applied, false when the event was a duplicate
   */
  public boolean handleOnce(String consumer, ReceivedEvent event, Consumer<ReceivedEvent> effect) {
    Boolean applied =
        transaction.execute(
            status -> {
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
                return false;
              }
              effect.accept(event);
              return true;
            });
    return Boolean.TRUE.equals(applied);
  }
}
