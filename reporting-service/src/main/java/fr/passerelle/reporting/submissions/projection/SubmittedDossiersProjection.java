package fr.passerelle.reporting.submissions.projection;

import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Projects {@code DossierSubmitted} into one row per submitted dossier, with the day it was
 * submitted (null when the submission did not give it), when dossier-service recorded it and when
 * the event was recorded.
 */
@Component
public class SubmittedDossiersProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "submitted-dossiers";

  private final JdbcTemplate jdbc;
  private final ReadModelRows rows;

  SubmittedDossiersProjection(JdbcTemplate jdbc, ReadModelRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  public void on(DossierSubmitted event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO submitted_dossier
          (dossier_id, department_code, nationality, submitted_at, submitted_on, event_id,
           recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.nationality(),
        Timestamp.from(event.submittedAt()),
        event.submittedOn() == null ? null : Date.valueOf(event.submittedOn()),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  /** The dossiers submitted in a département, as recorded by {@code asOf} (null: now). */
  public long countIn(String departmentCode, Instant asOf) {
    return jdbc.queryForObject(
        """
        SELECT count(*) FROM submitted_dossier
        WHERE department_code = ? AND (CAST(? AS TIMESTAMPTZ) IS NULL OR recorded_at <= ?)
        """,
        Long.class,
        departmentCode,
        instant(asOf),
        instant(asOf));
  }

  private static SqlParameterValue instant(Instant instant) {
    return new SqlParameterValue(
        Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }
}
