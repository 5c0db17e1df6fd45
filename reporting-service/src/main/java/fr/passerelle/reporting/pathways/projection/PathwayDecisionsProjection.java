package fr.passerelle.reporting.pathways.projection;

import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayValidated;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the préfet's decisions into one row per decision: dossier, département, nationality,
 * trafficking victim, outcome and day. The same decision received twice, even under another event
 * id, stays one row.
 */
@Component
public class PathwayDecisionsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "pathway-decisions";

  private final JdbcTemplate jdbc;

  PathwayDecisionsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void on(PathwayValidated event) {
    insert(
        event.dossierId(),
        event.decidedOn(),
        "VALIDATED",
        event.departmentCode(),
        event.nationality(),
        event.traffickingVictim());
  }

  public void on(PathwayRefused event) {
    insert(
        event.dossierId(),
        event.decidedOn(),
        "REFUSED",
        event.departmentCode(),
        event.nationality(),
        event.traffickingVictim());
  }

  private void insert(
      String dossierId,
      LocalDate decidedOn,
      String outcome,
      String departmentCode,
      String nationality,
      boolean traffickingVictim) {
    jdbc.update(
        """
        INSERT INTO pathway_decision
          (dossier_id, decided_on, outcome, department_code, nationality, trafficking_victim)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, decided_on, outcome) DO NOTHING
        """,
        dossierId,
        decidedOn,
        outcome,
        departmentCode,
        nationality,
        traffickingVictim);
  }
}
