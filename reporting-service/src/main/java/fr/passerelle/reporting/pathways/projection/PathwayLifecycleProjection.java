package fr.passerelle.reporting.pathways.projection;

import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import org.springframework.stereotype.Component;

/**
 * Projects a pathway's life after its first decision: each renewal asked for, each renewal granted
 * (another term of the same pathway, never a new pathway), refused, and its end. One row per fact,
 * with when it was recorded; a fact received again stays one row.
 */
@Component
public class PathwayLifecycleProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "pathway-lifecycle";

  /** The projection of renewals asked for, on dossier-service's topic. */
  public static final String REQUESTS = "renewal-requests";

  private final ReadModelRows rows;

  PathwayLifecycleProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(RenewalRequested event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO renewal_request
          (request_id, dossier_id, department_code, requested_on, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (request_id) DO NOTHING
        """,
        event.requestId(),
        event.dossierId(),
        event.departmentCode(),
        event.requestedOn(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(PathwayRenewed event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO pathway_term
          (dossier_id, term_number, department_code, decided_on, start_date, end_date,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, term_number) DO NOTHING
        """,
        event.dossierId(),
        event.termNumber(),
        event.departmentCode(),
        event.decidedOn(),
        event.startDate(),
        event.endDate(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(PathwayRenewalRefused event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO renewal_refusal
          (dossier_id, term_number, department_code, decided_on, reason, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, term_number, decided_on) DO NOTHING
        """,
        event.dossierId(),
        event.termNumber(),
        event.departmentCode(),
        event.decidedOn(),
        event.reason().name(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(PathwayEnded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO pathway_end
          (dossier_id, last_day, department_code, reason, decided_on, term_number, event_id,
           recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, last_day, reason) DO NOTHING
        """,
        event.dossierId(),
        event.lastDay(),
        event.departmentCode(),
        event.reason().name(),
        event.decidedOn(),
        event.termNumber(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
