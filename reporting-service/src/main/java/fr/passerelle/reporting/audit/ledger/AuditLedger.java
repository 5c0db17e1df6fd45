package fr.passerelle.reporting.audit.ledger;

import fr.passerelle.eventbus.consume.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends every event reporting-service receives to the audit ledger, once, chaining it in the
 * global chain and in its subject's chain (ADR "a history that proves itself"). Appends from every
 * instance are serialised by one transaction-scoped advisory lock, so each chain has one order.
 *
 * <p>An erasure tombstone ({@link #ERASURES}) erases the person's data and salt of its subject's
 * rows; a row received for an erased subject keeps the digest of the person's data, never the data.
 */
public class AuditLedger {

  /** The types that say a person's data was erased: a tombstone, when and why, never what. */
  public static final Set<String> ERASURES = Set.of("passerelle.dossier.personal-data-erased.v1");

  /** The advisory lock of appends, and of seals: ("AUDT", 1). */
  public static final String LOCK = "SELECT pg_advisory_xact_lock(1096107092, 1)";

  private static final int SALT_BYTES = 32;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AuditLedger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends {@code event} unless it is in the ledger already (a redelivery, a re-publication under
   * the same id, its consumer's group reading a topic again). Runs in the caller's transaction.
   */
  public void append(ReceivedEvent event) {
    if (contains(event.id())) {
      return;
    }
    jdbc.query(LOCK, rs -> {});
    if (contains(event.id())) {
      return;
    }
    EventData.Split data = EventData.split(event.data());
    Head global = globalHead();
    Head subject = subjectHead(event.subject());
    boolean erased = erased(event.subject());

    byte[] salt = null;
    byte[] personDigest = null;
    String person = data.person();
    if (person != null) {
      salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      personDigest = Links.digest(salt, person.getBytes(StandardCharsets.UTF_8));
      if (erased) {
        person = null;
        salt = null;
      }
    }
    ReceivedEvent.Context context = event.context();
    LedgerRow unlinked =
        new LedgerRow(
            global.position() + 1,
            event.id(),
            event.type(),
            event.source(),
            event.subject(),
            (int) subject.position() + 1,
            data.departmentCode(),
            micros(event.time()),
            micros(context.busTime()),
            micros(clock.instant()),
            data.domainDate(),
            context.requestId(),
            context.actorSubject(),
            String.join(",", context.actorRoles()),
            data.facts(),
            personDigest,
            null,
            null);
    byte[] canonical = unlinked.canonicalBytes();
    jdbc.update(
        """
        INSERT INTO public.audit_event
          (position, event_id, event_type, source, subject, subject_position, department_code,
           recorded_at, bus_time, received_at, domain_date, request_id, actor_subject, actor_roles,
           facts, person_digest, person_data, person_salt, subject_link, global_link)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        unlinked.position(),
        unlinked.eventId(),
        unlinked.eventType(),
        unlinked.source(),
        unlinked.subject(),
        unlinked.subjectPosition(),
        unlinked.departmentCode(),
        timestamp(unlinked.recordedAt()),
        timestamp(unlinked.busTime()),
        timestamp(unlinked.receivedAt()),
        unlinked.domainDate(),
        unlinked.requestId(),
        unlinked.actorSubject(),
        unlinked.actorRoles(),
        unlinked.facts(),
        personDigest,
        person,
        salt,
        Links.next(subject.link(), canonical),
        Links.next(global.link(), canonical));
    if (ERASURES.contains(event.type())) {
      erase(event.subject());
    }
  }

  /** Erases the person's data of every row of {@code subject}: their digests and chains stay. */
  private void erase(String subject) {
    jdbc.update(
        """
        UPDATE public.audit_event SET person_data = NULL, person_salt = NULL
        WHERE subject = ? AND person_data IS NOT NULL
        """,
        subject);
  }

  private boolean contains(String eventId) {
    return !jdbc.queryForList(
            "SELECT 1 FROM public.audit_event WHERE event_id = ?", Integer.class, eventId)
        .isEmpty();
  }

  private boolean erased(String subject) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM public.audit_event WHERE subject = ? AND event_type IN ("
                + placeholders(ERASURES.size())
                + "))",
            Boolean.class,
            concat(subject, ERASURES)));
  }

  private Head globalHead() {
    return jdbc
        .query(
            "SELECT position, global_link FROM public.audit_event ORDER BY position DESC LIMIT 1",
            (rs, row) -> new Head(rs.getLong(1), rs.getBytes(2)))
        .stream()
        .findFirst()
        .orElse(Head.EMPTY);
  }

  private Head subjectHead(String subject) {
    return jdbc
        .query(
            """
            SELECT subject_position, subject_link FROM public.audit_event
            WHERE subject = ? ORDER BY subject_position DESC LIMIT 1
            """,
            (rs, row) -> new Head(rs.getLong(1), rs.getBytes(2)),
            subject)
        .stream()
        .findFirst()
        .orElse(Head.EMPTY);
  }

  /** The last link of a chain and its position; position 0 before the first. */
  private record Head(long position, byte[] link) {
    static final Head EMPTY = new Head(0, Links.ORIGIN);
  }

  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static Object[] concat(String first, Set<String> rest) {
    List<Object> values = new java.util.ArrayList<>();
    values.add(first);
    values.addAll(rest);
    return values.toArray();
  }
}
