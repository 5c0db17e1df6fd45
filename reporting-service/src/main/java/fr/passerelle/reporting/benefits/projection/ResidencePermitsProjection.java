package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.PermitIssued;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Projects {@code PermitIssued} into one row per residence permit (APS) issued. */
@Component
public class ResidencePermitsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "residence-permits";

  private final JdbcTemplate jdbc;

  ResidencePermitsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(PermitIssued event) {
    jdbc.update(
        """
        INSERT INTO residence_permit (dossier_id, valid_from, valid_until, department_code)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id, valid_from) DO NOTHING
        """,
        event.dossierId(),
        event.validFrom(),
        event.validUntil(),
        event.departmentCode());
  }
}
