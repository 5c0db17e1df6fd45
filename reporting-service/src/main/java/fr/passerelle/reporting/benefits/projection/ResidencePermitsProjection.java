package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects {@code PermitIssued} into one row per residence permit (APS) issued, with when it was
 * recorded.
 */
@Component
public class ResidencePermitsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "residence-permits";

  private final JdbcTemplate jdbc;

  ResidencePermitsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(PermitIssued event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    jdbc.update(
        """
        INSERT INTO residence_permit
          (dossier_id, valid_from, valid_until, department_code, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, valid_from) DO NOTHING
        """,
        event.dossierId(),
        event.validFrom(),
        event.validUntil(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
