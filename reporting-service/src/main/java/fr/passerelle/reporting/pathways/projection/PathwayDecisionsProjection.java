package fr.passerelle.reporting.pathways.projection;

import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Projects the préfet's decisions on first requests into one row per decision (dossier,
 * département, nationality, trafficking victim, outcome and day) and a validation into the
 * pathway's first term. Each fact keeps when it was recorded. The same decision received twice,
 * even under another event id, stays one row, with the time it was first recorded.
 */
@Component
public class PathwayDecisionsProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "pathway-decisions";

  private final ReadModelRows rows;

  PathwayDecisionsProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(PathwayValidated event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    insert(
        event.dossierId(),
        event.decidedOn(),
        "VALIDATED",
        event.departmentCode(),
        event.nationality(),
        event.traffickingVictim(),
        recorded);
    rows.insert(
        """
        INSERT INTO pathway_term
          (dossier_id, term_number, department_code, decided_on, start_date, end_date,
           event_id, recorded_at, received_at)
        VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, term_number) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.decidedOn(),
        event.startDate(),
        event.endDate(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(PathwayRefused event, ReceivedEvent received) {
    insert(
        event.dossierId(),
        event.decidedOn(),
        "REFUSED",
        event.departmentCode(),
        event.nationality(),
        event.traffickingVictim(),
        Recorded.of(received));
  }

  private void insert(
      String dossierId,
      LocalDate decidedOn,
      String outcome,
      String departmentCode,
      String nationality,
      boolean traffickingVictim,
      Recorded recorded) {
    rows.insert(
        """
        INSERT INTO pathway_decision
          (dossier_id, decided_on, outcome, department_code, nationality, trafficking_victim,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, decided_on, outcome) DO NOTHING
        """,
        dossierId,
        decidedOn,
        outcome,
        departmentCode,
        nationality,
        traffickingVictim,
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
