package fr.passerelle.eventbus.consume;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dead-letter table of a service: events its consumers could not apply, and those parked. */
public class DeadLetters {

  private static final String COLUMNS =
      "id, consumer, event_id, event_type, subject, topic, kafka_partition, kafka_offset,"
          + " event_time, status, error, attempts, created_at, updated_at";

  private final JdbcTemplate jdbc;

  public DeadLetters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether {@code subject} has dead letters for {@code consumer}, failed or parked. */
  boolean blocks(String consumer, String subject) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM eventbus_dead_letter WHERE consumer = ? AND subject = ?)",
            Boolean.class,
            consumer,
            subject));
  }

  /** Which of {@code subjects} have dead letters for {@code consumer}. */
  Set<String> blocking(String consumer, String[] subjects) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT DISTINCT subject FROM eventbus_dead_letter"
                + " WHERE consumer = ? AND subject = ANY (CAST(? AS TEXT[]))",
            String.class,
            consumer,
            subjects));
  }

  void park(String consumer, ReceivedEvent event) {
    insert(consumer, event, DeadLetter.PARKED, null, 0);
  }

  void fail(String consumer, ReceivedEvent event, String error, int attempts) {
    insert(consumer, event, DeadLetter.FAILED, error, attempts);
  }

  /** A letter that could not be applied on retry: it stays, failed, with the new error. */
  void failAgain(long id, String error) {
    jdbc.update(
        "UPDATE eventbus_dead_letter SET status = 'FAILED', error = ?, attempts = attempts + 1,"
            + " updated_at = now() WHERE id = ?",
        error,
        id);
  }

  void delete(long id) {
    jdbc.update("DELETE FROM eventbus_dead_letter WHERE id = ?", id);
  }

  /** Every letter, oldest first, optionally of one consumer and one status. */
  public List<DeadLetter> list(String consumer, String status) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM eventbus_dead_letter"
            + " WHERE (CAST(? AS VARCHAR) IS NULL OR consumer = ?)"
            + " AND (CAST(? AS VARCHAR) IS NULL OR status = ?) ORDER BY id",
        DeadLetters::letter,
        consumer,
        consumer,
        status,
        status);
  }

  public Optional<DeadLetter> find(long id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM eventbus_dead_letter WHERE id = ?",
            DeadLetters::letter,
            id)
        .stream()
        .findFirst();
  }

  /** The event of a letter, as it was received. */
  ReceivedEvent event(long id) {
    return jdbc.queryForObject(
        "SELECT event_id, event_type, event_source, event_time, subject, data, topic,"
            + " kafka_partition, kafka_offset FROM eventbus_dead_letter WHERE id = ?",
        (rs, row) ->
            new ReceivedEvent(
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("event_source"),
                rs.getTimestamp("event_time").toInstant(),
                rs.getString("subject"),
                rs.getString("data"),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset")),
        id);
  }

  /** The oldest letter of a dossier for a consumer, if any. */
  Optional<DeadLetter> oldest(String consumer, String subject) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM eventbus_dead_letter WHERE consumer = ? AND subject = ? ORDER BY id LIMIT 1",
            DeadLetters::letter,
            consumer,
            subject)
        .stream()
        .findFirst();
  }

  /** How many letters of each consumer and status, for the metrics. */
  public long count(String consumer, String status) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM eventbus_dead_letter WHERE consumer = ? AND status = ?",
        Long.class,
        consumer,
        status);
  }

  private void insert(
      String consumer, ReceivedEvent event, String status, String error, int attempts) {
    jdbc.update(
        """
        INSERT INTO eventbus_dead_letter
          (consumer, event_id, event_type, event_source, subject, topic, kafka_partition,
           kafka_offset, event_time, data, status, error, attempts)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (consumer, event_id) DO NOTHING
        """,
        consumer,
        event.id(),
        event.type(),
        event.source(),
        event.subject(),
        event.topic(),
        event.partition(),
        event.offset(),
        Timestamp.from(event.time()),
        event.data(),
        status,
        error,
        attempts);
  }

  private static DeadLetter letter(ResultSet rs, int row) throws SQLException {
    return new DeadLetter(
        rs.getLong("id"),
        rs.getString("consumer"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("subject"),
        rs.getString("topic"),
        rs.getInt("kafka_partition"),
        rs.getLong("kafka_offset"),
        rs.getTimestamp("event_time").toInstant(),
        rs.getString("status"),
        rs.getString("error"),
        rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
