package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the AFIS files: one row per grant ({@code AfisGranted}: monthly amount, period) and one
 * per refusal ({@code AfisRefused}: the unmet condition), each with when it was recorded.
 */
@Component
public class AfisProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "afis";

  private final JdbcTemplate jdbc;

  AfisProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(AfisGranted event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    jdbc.update(
        """
        INSERT INTO afis_grant
          (dossier_id, period_from, period_until, department_code, monthly_amount_cents, territory,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, period_from) DO NOTHING
        """,
        event.dossierId(),
        event.from(),
        event.until(),
        event.departmentCode(),
        event.monthlyAmountCents(),
        event.territory().name(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(AfisRefused event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    jdbc.update(
        """
        INSERT INTO afis_refusal
          (dossier_id, decided_on, department_code, reason, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, decided_on) DO NOTHING
        """,
        event.dossierId(),
        event.decidedOn(),
        event.departmentCode(),
        event.reason().name(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
