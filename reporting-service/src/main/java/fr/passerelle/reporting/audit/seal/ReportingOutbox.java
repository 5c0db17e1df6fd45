package fr.passerelle.reporting.audit.seal;

import fr.passerelle.audit.events.ReportingEvents;
import fr.passerelle.eventbus.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what reporting-service decided to publish ({@code reporting_outbox}) to its topic, in
 * order, and marks each row once Kafka acknowledged it ({@code acks=all}, idempotent producer). A
 * failure leaves the rows unmarked, to be sent at the next run: at least once, never lost. Rows are
 * taken under a lock that another instance skips.
 */
public class ReportingOutbox {

  private static final int BATCH = 100;
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Producer<String, String> producer;
  private final Clock clock;

  public ReportingOutbox(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      Producer<String, String> producer,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.producer = producer;
    this.clock = clock;
  }

  private record Pending(
      long id, String eventId, String type, String subject, String data, Timestamp recordedAt) {}

  /** Sends every row not sent yet; returns how many were sent. */
  public int relay() {
    int sent = 0;
    while (true) {
      Integer batch = transaction.execute(status -> relayBatch());
      if (batch == null || batch == 0) {
        return sent;
      }
      sent += batch;
    }
  }

  private int relayBatch() {
    List<Pending> pending =
        jdbc.query(
            """
            SELECT id, event_id, event_type, subject, data, recorded_at
            FROM public.reporting_outbox WHERE published_at IS NULL
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """,
            (rs, row) ->
                new Pending(
                    rs.getLong("id"),
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getString("subject"),
                    rs.getString("data"),
                    rs.getTimestamp("recorded_at")),
            BATCH);
    List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
    for (Pending row : pending) {
      acknowledgements.add(producer.send(record(row)));
    }
    try {
      for (Future<RecordMetadata> acknowledgement : acknowledgements) {
        acknowledgement.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge reporting's events", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    for (Pending row : pending) {
      jdbc.update(
          "UPDATE public.reporting_outbox SET published_at = ? WHERE id = ?",
          Timestamp.from(clock.instant()),
          row.id());
    }
    return pending.size();
  }

  private static ProducerRecord<String, String> record(Pending row) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.ID, row.eventId());
    header(headers, CloudEventHeaders.TYPE, row.type());
    header(headers, CloudEventHeaders.SOURCE, ReportingEvents.SOURCE);
    header(
        headers,
        CloudEventHeaders.TIME,
        DateTimeFormatter.ISO_INSTANT.format(row.recordedAt().toInstant()));
    header(headers, CloudEventHeaders.SUBJECT, row.subject());
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return new ProducerRecord<>(ReportingEvents.TOPIC, null, row.subject(), row.data(), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
