package fr.passerelle.reporting.audit.seal;

import fr.passerelle.audit.events.HistorySealed;
import fr.passerelle.audit.events.ReportingEvents;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.reporting.audit.ledger.AuditLedger;
import fr.passerelle.reporting.audit.ledger.Links;
import fr.passerelle.reporting.audit.ledger.SubjectHeads;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals each day of the audit ledger once it is over (Paris time): the global chain's last link
 * chained by the end of the day and the digest of every subject chain's last link then, kept in
 * {@code audit_seal} and, in the same transaction, put in the outbox as {@link HistorySealed}. Days
 * are sealed in order from the first day the ledger received anything; a day missed (the service
 * was down) is sealed at the next run. Two instances sealing at once seal each day once.
 */
public class DailySeals {

  /** Where a day begins and ends: the départements' calendar. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public DailySeals(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Seals every day over and not sealed yet, oldest first; returns the days sealed now. */
  public List<LocalDate> sealDueDays() {
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    List<LocalDate> sealed = new java.util.ArrayList<>();
    for (LocalDate day = firstUnsealed();
        day != null && day.isBefore(today);
        day = day.plusDays(1)) {
      LocalDate sealing = day;
      if (Boolean.TRUE.equals(transaction.execute(status -> seal(sealing)))) {
        sealed.add(sealing);
      }
    }
    return sealed;
  }

  /** The seals made, oldest first. */
  public List<Seal> all() {
    return jdbc.query(
        """
        SELECT day, last_position, last_link, subjects, subjects_digest
        FROM public.audit_seal ORDER BY day
        """,
        (rs, row) ->
            new Seal(
                rs.getObject("day", LocalDate.class),
                rs.getLong("last_position"),
                rs.getBytes("last_link"),
                rs.getInt("subjects"),
                rs.getBytes("subjects_digest")));
  }

  private LocalDate firstUnsealed() {
    LocalDate lastSealed =
        jdbc.queryForObject("SELECT max(day) FROM public.audit_seal", LocalDate.class);
    if (lastSealed != null) {
      return lastSealed.plusDays(1);
    }
    Timestamp first =
        jdbc.queryForObject("SELECT min(received_at) FROM public.audit_event", Timestamp.class);
    return first == null ? null : LocalDate.ofInstant(first.toInstant(), PARIS);
  }

  private boolean seal(LocalDate day) {
    // waits for the appends under way, so that none commits below the seal's position afterwards
    jdbc.query(AuditLedger.LOCK, rs -> {});
    Instant end = day.plusDays(1).atStartOfDay(PARIS).toInstant();
    long position =
        jdbc.queryForObject(
            "SELECT coalesce(max(position), 0) FROM public.audit_event WHERE received_at < ?",
            Long.class,
            Timestamp.from(end));
    byte[] link =
        position == 0
            ? Links.ORIGIN
            : jdbc.queryForObject(
                "SELECT global_link FROM public.audit_event WHERE position = ?",
                byte[].class,
                position);
    SubjectHeads.Digest heads = SubjectHeads.at(jdbc, position);
    Instant sealedAt = clock.instant();
    int inserted =
        jdbc.update(
            """
            INSERT INTO public.audit_seal
              (day, last_position, last_link, subjects, subjects_digest, sealed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (day) DO NOTHING
            """,
            day,
            position,
            link,
            heads.subjects(),
            heads.digest(),
            Timestamp.from(sealedAt));
    if (inserted == 0) {
      return false;
    }
    HistorySealed sealed =
        new HistorySealed(
            day,
            position,
            HexFormat.of().formatHex(link),
            heads.subjects(),
            HexFormat.of().formatHex(heads.digest()),
            sealedAt);
    jdbc.update(
        """
        INSERT INTO public.reporting_outbox (event_id, event_type, subject, data, recorded_at)
        VALUES (?, ?, ?, ?, ?)
        """,
        UUID.randomUUID().toString(),
        HistorySealed.TYPE,
        ReportingEvents.NATIONAL,
        EventJson.write(sealed),
        Timestamp.from(sealedAt));
    return true;
  }
}
