package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.HousingStepRecorded;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import org.springframework.stereotype.Component;

/**
 * Projects {@code HousingStepRecorded} into one row per housing step a beneficiary went through
 * (where they live from a day, until the next step), with when it was recorded.
 */
@Component
public class HousingProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "housing";

  private final ReadModelRows rows;

  HousingProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(HousingStepRecorded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO housing_step
          (dossier_id, from_date, step, department_code, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, from_date, step) DO NOTHING
        """,
        event.dossierId(),
        event.from(),
        event.step().name(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
