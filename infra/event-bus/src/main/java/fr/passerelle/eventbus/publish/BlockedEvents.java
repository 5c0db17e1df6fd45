package fr.passerelle.eventbus.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's record of internal events it cannot publish: the one it is stopped on, and those an
 * operator skipped, with who skipped them and when. A blocked event is recorded in a transaction of
 * its own, since the outbox's batch rolls back with the failure.
 */
public class BlockedEvents {

  /** An event the outbox is stopped on. */
  public record Blocked(
      String eventId,
      long globalIndex,
      String payloadType,
      String error,
      int attempts,
      Instant firstFailedAt,
      Instant lastFailedAt) {}

  /** An event an operator skipped: it was never published. */
  public record Skipped(
      String eventId,
      long globalIndex,
      String payloadType,
      String error,
      String skippedBy,
      Instant skippedAt) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate transaction;

  public BlockedEvents(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records (or counts one more attempt at) an event the outbox cannot publish. */
  void record(String eventId, long globalIndex, String payloadType, String error) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                """
                INSERT INTO eventbus_outbox_blocked (event_id, global_index, payload_type, error)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE
                  SET error = EXCLUDED.error, attempts = eventbus_outbox_blocked.attempts + 1,
                      last_failed_at = now()
                """,
                eventId,
                globalIndex,
                payloadType,
                error));
  }

  /** Whether an operator skipped the event {@code eventId}. */
  boolean isSkipped(String eventId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM eventbus_outbox_skipped WHERE event_id = ?)",
            Boolean.class,
            eventId));
  }

  /** Forgets the blocked events the outbox has gone past (fixed, or skipped). */
  void passed(long globalIndex) {
    jdbc.update("DELETE FROM eventbus_outbox_blocked WHERE global_index <= ?", globalIndex);
  }

  /**
   * Skips the blocked event {@code eventId}: it is recorded as skipped by {@code operator}, no
   * longer listed as blocked, and the outbox passes it at its next attempt without publishing it.
   *
   * @return the record, or empty when the outbox is not blocked on that event
   */
  public Optional<Skipped> skip(String eventId, String operator) {
    return transaction.execute(
        status -> {
          Optional<Blocked> blocked =
              jdbc
                  .query(
                      "SELECT * FROM eventbus_outbox_blocked WHERE event_id = ? FOR UPDATE",
                      BlockedEvents::blockedRow,
                      eventId)
                  .stream()
                  .findFirst();
          if (blocked.isEmpty()) {
            return Optional.empty();
          }
          Blocked event = blocked.get();
          jdbc.update("DELETE FROM eventbus_outbox_blocked WHERE event_id = ?", eventId);
          jdbc.update(
              """
              INSERT INTO eventbus_outbox_skipped
                (event_id, global_index, payload_type, error, skipped_by)
              VALUES (?, ?, ?, ?, ?)
              """,
              event.eventId(),
              event.globalIndex(),
              event.payloadType(),
              event.error(),
              operator);
          return jdbc
              .query(
                  "SELECT * FROM eventbus_outbox_skipped WHERE event_id = ?",
                  BlockedEvents::skippedRow,
                  eventId)
              .stream()
              .findFirst();
        });
  }

  /** The events the outbox is stopped on, in the store's order. */
  public List<Blocked> blocked() {
    return jdbc.query(
        "SELECT * FROM eventbus_outbox_blocked ORDER BY global_index", BlockedEvents::blockedRow);
  }

  /** Every event skipped so far, most recent first. */
  public List<Skipped> skipped() {
    return jdbc.query(
        "SELECT * FROM eventbus_outbox_skipped ORDER BY skipped_at DESC, global_index DESC",
        BlockedEvents::skippedRow);
  }

  public long count() {
    return jdbc.queryForObject("SELECT count(*) FROM eventbus_outbox_blocked", Long.class);
  }

  private static Blocked blockedRow(ResultSet rs, int row) throws SQLException {
    return new Blocked(
        rs.getString("event_id"),
        rs.getLong("global_index"),
        rs.getString("payload_type"),
        rs.getString("error"),
        rs.getInt("attempts"),
        rs.getTimestamp("first_failed_at").toInstant(),
        rs.getTimestamp("last_failed_at").toInstant());
  }

  private static Skipped skippedRow(ResultSet rs, int row) throws SQLException {
    return new Skipped(
        rs.getString("event_id"),
        rs.getLong("global_index"),
        rs.getString("payload_type"),
        rs.getString("error"),
        rs.getString("skipped_by"),
        rs.getTimestamp("skipped_at").toInstant());
  }
}
