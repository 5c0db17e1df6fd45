package fr.passerelle.reporting.audit.ledger;

import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.transaction.AtCommit;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends every event reporting-service receives to the audit ledger, once, chaining it in the
 * global chain and in its subject's chain (ADR "a history that proves itself"). Appends from every
 * instance are serialised by one transaction-scoped advisory lock, so each chain has one order; the
 * events a transaction appends are chained at its commit, in one pass.
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

  private static final String INSERT =
      """
      INSERT INTO public.audit_event
        (position, event_id, event_type, source, subject, subject_position, department_code,
         recorded_at, bus_time, received_at, domain_date, request_id, actor_subject, actor_roles,
         facts, person_digest, person_data, person_salt, subject_link, global_link)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final AtCommit<ReceivedEvent> appends = new AtCommit<>(this::appendAll);

  public AuditLedger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends {@code event} unless it is in the ledger already (a redelivery, a re-publication under
   * the same id, its consumer's group reading a topic again): at the commit of the current
   * transaction, with the other events appended in it, in their order; at once outside a
   * transaction.
   */
  public void append(ReceivedEvent event) {
    appends.add(event);
  }

  /**
   * Appends {@code events} in their order, those not in the ledger yet, in one pass under the lock
   * of appends: the heads of the chains and the erased subjects read once, every row inserted in
   * one batch. An erasure tombstone erases the person's data of its subject's rows, those appended
   * before it in the same pass included, and the rows after it keep none.
   */
  private void appendAll(List<ReceivedEvent> events) {
    // a redelivery takes no lock; what another instance appended meanwhile is read under it
    if (known(events).size() == events.size()) {
      return;
    }
    jdbc.query(LOCK, rs -> {});
    Set<String> appended = known(events);
    Set<String> subjects = new LinkedHashSet<>();
    events.forEach(event -> subjects.add(event.subject()));
    Head global = globalHead();
    Map<String, Head> heads = subjectHeads(subjects);
    Set<String> erased = erased(subjects);
    Set<String> erasedNow = new LinkedHashSet<>();
    List<Object[]> rows = new ArrayList<>();
    Instant receivedAt = micros(clock.instant());
    for (ReceivedEvent event : events) {
      if (!appended.add(event.id())) {
        continue;
      }
      Head subject = heads.getOrDefault(event.subject(), Head.EMPTY);
      Chained chained = chain(event, global, subject, erased.contains(event.subject()), receivedAt);
      rows.add(chained.values());
      LedgerRow row = chained.row();
      global = new Head(row.position(), row.globalLink());
      heads.put(event.subject(), new Head(row.subjectPosition(), row.subjectLink()));
      if (ERASURES.contains(event.type())) {
        erased.add(event.subject());
        erasedNow.add(event.subject());
      }
    }
    jdbc.batchUpdate(INSERT, rows);
    erasedNow.forEach(this::erase);
  }

  /** The row of {@code event} after the heads of its chains, its links computed. */
  private Chained chain(
      ReceivedEvent event, Head global, Head subject, boolean erased, Instant receivedAt) {
    EventData.Split data = EventData.split(event.data());
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
            receivedAt,
            data.domainDate(),
            context.requestId(),
            context.actorSubject(),
            String.join(",", context.actorRoles()),
            data.facts(),
            personDigest,
            null,
            null);
    LedgerRow row = unlinked.chainedAfter(subject.link(), global.link());
    return new Chained(row, person, salt);
  }

  /** A row with its links, and the person's data and salt it keeps (none once erased). */
  private record Chained(LedgerRow row, String person, byte[] salt) {

    /** The values of {@link #INSERT}. */
    Object[] values() {
      return new Object[] {
        row.position(),
        row.eventId(),
        row.eventType(),
        row.source(),
        row.subject(),
        row.subjectPosition(),
        row.departmentCode(),
        timestamp(row.recordedAt()),
        timestamp(row.busTime()),
        timestamp(row.receivedAt()),
        row.domainDate(),
        row.requestId(),
        row.actorSubject(),
        row.actorRoles(),
        row.facts(),
        row.personDigest(),
        person,
        salt,
        row.subjectLink(),
        row.globalLink()
      };
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

  /** Which of {@code events} are in the ledger already, by id. */
  private Set<String> known(List<ReceivedEvent> events) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT event_id FROM public.audit_event WHERE event_id = ANY (CAST(? AS TEXT[]))",
            String.class,
            (Object) events.stream().map(ReceivedEvent::id).toArray(String[]::new)));
  }

  /** Which of {@code subjects} have a tombstone in the ledger. */
  private Set<String> erased(Set<String> subjects) {
    List<Object> arguments = new ArrayList<>();
    arguments.add(subjects.toArray(String[]::new));
    arguments.addAll(ERASURES);
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT DISTINCT subject FROM public.audit_event"
                + " WHERE subject = ANY (CAST(? AS TEXT[])) AND event_type IN ("
                + placeholders(ERASURES.size())
                + ")",
            String.class,
            arguments.toArray()));
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

  /** The head of each of {@code subjects}' chains that has rows. */
  private Map<String, Head> subjectHeads(Set<String> subjects) {
    Map<String, Head> heads = new HashMap<>();
    jdbc.query(
        """
        SELECT DISTINCT ON (subject) subject, subject_position, subject_link
        FROM public.audit_event WHERE subject = ANY (CAST(? AS TEXT[]))
        ORDER BY subject, subject_position DESC
        """,
        rs -> {
          heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getBytes(3)));
        },
        (Object) subjects.toArray(String[]::new));
    return heads;
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
}
