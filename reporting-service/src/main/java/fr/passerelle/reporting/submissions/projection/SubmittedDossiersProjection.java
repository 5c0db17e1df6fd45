package fr.passerelle.reporting.submissions.projection;

import fr.passerelle.dossier.events.DossierSubmitted;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Projects {@code DossierSubmitted} into one row per submitted dossier. */
@Component
public class SubmittedDossiersProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "submitted-dossiers";

  private final JdbcTemplate jdbc;

  SubmittedDossiersProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(DossierSubmitted event) {
    jdbc.update(
        """
        INSERT INTO submitted_dossier (dossier_id, department_code, nationality, submitted_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.nationality(),
        Timestamp.from(event.submittedAt()));
  }

  public long countIn(String departmentCode) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM submitted_dossier WHERE department_code = ?",
        Long.class,
        departmentCode);
  }
}
