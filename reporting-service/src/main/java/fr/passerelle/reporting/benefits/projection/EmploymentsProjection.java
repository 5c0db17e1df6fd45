package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.EmploymentRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects {@code EmploymentRecorded} into one row per job or training started: a dossier, a
 * contract type and a start date make one fact.
 */
@Component
public class EmploymentsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "employments";

  private final JdbcTemplate jdbc;

  EmploymentsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(EmploymentRecorded event) {
    jdbc.update(
        """
        INSERT INTO employment
          (dossier_id, contract_type, start_date, department_code, weekly_hours)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, contract_type, start_date) DO NOTHING
        """,
        event.dossierId(),
        event.contractType().name(),
        event.startDate(),
        event.departmentCode(),
        event.weeklyHours());
  }
}
