package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.EmploymentEnded;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.TrainingEnded;
import fr.passerelle.benefits.events.TrainingRecorded;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import org.springframework.stereotype.Component;

/**
 * Projects what beneficiaries do: one row per job started ({@code EmploymentRecorded}: a dossier, a
 * contract type and a start date make one fact; trainings recorded as employments before 0.3 among
 * them), one per training ({@code TrainingRecorded}), and one per end of either as recorded (a
 * correction of an end is another row), each with when it was recorded.
 */
@Component
public class EmploymentsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "employments";

  private final ReadModelRows rows;

  EmploymentsProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(EmploymentRecorded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO employment
          (dossier_id, contract_type, start_date, department_code, weekly_hours, employment_id,
           planned_end, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, contract_type, start_date) DO NOTHING
        """,
        event.dossierId(),
        event.contractType().name(),
        event.startDate(),
        event.departmentCode(),
        event.weeklyHours(),
        event.employmentId(),
        event.endDate(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(EmploymentEnded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO employment_end
          (employment_id, end_date, dossier_id, department_code, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (employment_id, end_date) DO NOTHING
        """,
        event.employmentId(),
        event.endDate(),
        event.dossierId(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(TrainingRecorded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO training
          (training_id, dossier_id, start_date, planned_end, weekly_hours, department_code,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (training_id) DO NOTHING
        """,
        event.trainingId(),
        event.dossierId(),
        event.startDate(),
        event.endDate(),
        event.weeklyHours(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(TrainingEnded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO training_end
          (training_id, end_date, dossier_id, department_code, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (training_id, end_date) DO NOTHING
        """,
        event.trainingId(),
        event.endDate(),
        event.dossierId(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
