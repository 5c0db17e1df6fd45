package fr.passerelle.reporting.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the audit ledger: an event as reporting-service received it, and its place in the
 * global chain and in its subject's (the dossier's) chain.
 *
 * @param position place in the global chain, from 1
 * @param subject the dossier (the event's {@code ce_subject})
 * @param subjectPosition place in the subject's chain, from 1
 * @param recordedAt when the publishing service recorded the event ({@code ce_time})
 * @param busTime when the bus took it (the Kafka record's timestamp), if known
 * @param receivedAt when reporting-service chained it
 * @param actorRoles the roles the actor acted under, comma-separated; empty when none is known
 * @param facts the event's facts, canonical JSON ({@link EventData})
 * @param personDigest SHA-256 of the person's data under its salt, or null when the event says
 *     nothing of the person
 */
public record LedgerRow(
    long position,
    String eventId,
    String eventType,
    String source,
    String subject,
    int subjectPosition,
    String departmentCode,
    Instant recordedAt,
    Instant busTime,
    Instant receivedAt,
    LocalDate domainDate,
    String requestId,
    String actorSubject,
    String actorRoles,
    String facts,
    byte[] personDigest,
    byte[] subjectLink,
    byte[] globalLink) {

  /** The columns {@link #read} expects, in a query on {@code audit_event}. */
  public static final String COLUMNS =
      "position, event_id, event_type, source, subject, subject_position, department_code,"
          + " recorded_at, bus_time, received_at, domain_date, request_id, actor_subject,"
          + " actor_roles, facts, person_digest, subject_link, global_link";

  /**
   * The bytes the chains hash: every field of the row but its positions and links, in a fixed
   * order, as JSON. Instants are written to the microsecond, as PostgreSQL keeps them, so the bytes
   * computed when the row is appended are those recomputed from the stored row.
   */
  public byte[] canonicalBytes() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("eventId", eventId);
    fields.put("eventType", eventType);
    fields.put("source", source);
    fields.put("subject", subject);
    fields.put("departmentCode", departmentCode);
    fields.put("recordedAt", instant(recordedAt));
    fields.put("busTime", instant(busTime));
    fields.put("receivedAt", instant(receivedAt));
    fields.put("domainDate", domainDate == null ? null : domainDate.toString());
    fields.put("requestId", requestId);
    fields.put("actorSubject", actorSubject);
    fields.put("actorRoles", actorRoles);
    fields.put(
        "personDigest", personDigest == null ? null : HexFormat.of().formatHex(personDigest));
    String envelope = CanonicalJson.MAPPER.writeValueAsString(fields);
    // the facts are canonical JSON already: appended as stored, byte for byte
    return (envelope.substring(0, envelope.length() - 1) + ",\"facts\":" + facts + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * This row chained after the last rows of its subject's chain and of the global chain: its links
   * are theirs followed by its canonical bytes.
   */
  public LedgerRow chainedAfter(byte[] subjectHead, byte[] globalHead) {
    byte[] canonical = canonicalBytes();
    return new LedgerRow(
        position,
        eventId,
        eventType,
        source,
        subject,
        subjectPosition,
        departmentCode,
        recordedAt,
        busTime,
        receivedAt,
        domainDate,
        requestId,
        actorSubject,
        actorRoles,
        facts,
        personDigest,
        Links.next(subjectHead, canonical),
        Links.next(globalHead, canonical));
  }

  /** Reads a row selected with {@link #COLUMNS}. */
  public static LedgerRow read(ResultSet rs, int row) throws SQLException {
    return new LedgerRow(
        rs.getLong("position"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("source"),
        rs.getString("subject"),
        rs.getInt("subject_position"),
        rs.getString("department_code"),
        instant(rs.getTimestamp("recorded_at")),
        instant(rs.getTimestamp("bus_time")),
        instant(rs.getTimestamp("received_at")),
        rs.getObject("domain_date", LocalDate.class),
        rs.getString("request_id"),
        rs.getString("actor_subject"),
        rs.getString("actor_roles"),
        rs.getString("facts"),
        rs.getBytes("person_digest"),
        rs.getBytes("subject_link"),
        rs.getBytes("global_link"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String instant(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
