package fr.passerelle.reporting.submissions.projection;

import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects {@code DossierSubmitted} into one row per submitted dossier, with when it was recorded.
 */
@Component
public class SubmittedDossiersProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "submitted-dossiers";

  private final JdbcTemplate jdbc;

  SubmittedDossiersProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(DossierSubmitted event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    jdbc.update(
        """
        INSERT INTO submitted_dossier
          (dossier_id, department_code, nationality, submitted_at, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.nationality(),
        Timestamp.from(event.submittedAt()),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public long countIn(String departmentCode) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM submitted_dossier WHERE department_code = ?",
        Long.class,
        departmentCode);
  }
}
