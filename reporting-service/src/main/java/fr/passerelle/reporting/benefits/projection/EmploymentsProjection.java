package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects {@code EmploymentRecorded} into one row per job or training started: a dossier, a
 * contract type and a start date make one fact, with when it was recorded.
 */
@Component
public class EmploymentsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "employments";

  private final JdbcTemplate jdbc;

  EmploymentsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(EmploymentRecorded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    jdbc.update(
        """
        INSERT INTO employment
          (dossier_id, contract_type, start_date, department_code, weekly_hours,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, contract_type, start_date) DO NOTHING
        """,
        event.dossierId(),
        event.contractType().name(),
        event.startDate(),
        event.departmentCode(),
        event.weeklyHours(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
