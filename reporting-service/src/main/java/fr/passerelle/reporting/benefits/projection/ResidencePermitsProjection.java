package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.PermitEnded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.benefits.events.PermitRenewed;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Projects residence permits (APS): one row per permit issued ({@code PermitIssued}) or renewed
 * ({@code PermitRenewed}, another permit from the day after the previous one ended), one per end
 * ({@code PermitEnded}, expired or withdrawn), each with when it was recorded.
 */
@Component
public class ResidencePermitsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "residence-permits";

  private final ReadModelRows rows;

  ResidencePermitsProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(PermitIssued event, ReceivedEvent received) {
    permit(
        event.dossierId(),
        event.departmentCode(),
        event.validFrom(),
        event.validUntil(),
        event.decidedOn(),
        false,
        Recorded.of(received));
  }

  public void on(PermitRenewed event, ReceivedEvent received) {
    permit(
        event.dossierId(),
        event.departmentCode(),
        event.validFrom(),
        event.validUntil(),
        event.decidedOn(),
        true,
        Recorded.of(received));
  }

  public void on(PermitEnded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO permit_end
          (dossier_id, ended_on, reason, department_code, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, ended_on, reason) DO NOTHING
        """,
        event.dossierId(),
        event.endedOn(),
        event.reason().name(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  private void permit(
      String dossierId,
      String departmentCode,
      LocalDate validFrom,
      LocalDate validUntil,
      LocalDate decidedOn,
      boolean renewal,
      Recorded recorded) {
    rows.insert(
        """
        INSERT INTO residence_permit
          (dossier_id, valid_from, valid_until, department_code, decided_on, renewal,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, valid_from) DO NOTHING
        """,
        dossierId,
        validFrom,
        validUntil,
        departmentCode,
        decidedOn,
        renewal,
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
