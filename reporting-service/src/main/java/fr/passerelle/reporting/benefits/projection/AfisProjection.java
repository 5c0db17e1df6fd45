package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the AFIS files: one row per grant ({@code AfisGranted}: monthly amount, period) and one
 * per refusal ({@code AfisRefused}: the unmet condition).
 */
@Component
public class AfisProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "afis";

  private final JdbcTemplate jdbc;

  AfisProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(AfisGranted event) {
    jdbc.update(
        """
        INSERT INTO afis_grant
          (dossier_id, period_from, period_until, department_code, monthly_amount_cents, territory)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, period_from) DO NOTHING
        """,
        event.dossierId(),
        event.from(),
        event.until(),
        event.departmentCode(),
        event.monthlyAmountCents(),
        event.territory().name());
  }

  public void on(AfisRefused event) {
    jdbc.update(
        """
        INSERT INTO afis_refusal (dossier_id, decided_on, department_code, reason)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id, decided_on) DO NOTHING
        """,
        event.dossierId(),
        event.decidedOn(),
        event.departmentCode(),
        event.reason().name());
  }
}
