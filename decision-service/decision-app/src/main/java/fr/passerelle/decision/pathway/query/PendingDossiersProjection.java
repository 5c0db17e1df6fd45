package fr.passerelle.decision.pathway.query;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.FindPendingDossiersQuery;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.pathway.api.PathwayEnded;
import fr.passerelle.decision.pathway.api.PendingDossierView;
import fr.passerelle.decision.pathway.api.RenewalRequested;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requests awaiting a session of their commission: first requests and renewal requests,
 * registered or adjourned by a session, and not on the agenda of another. Every update can be
 * applied again, so the processor may replay.
 */
@Component
@ProcessingGroup(PendingDossiersProjection.PROCESSING_GROUP)
public class PendingDossiersProjection {

  public static final String PROCESSING_GROUP = "pending-dossiers";

  private final JdbcTemplate jdbc;

  PendingDossiersProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DossierRegistered event) {
    jdbc.update(
        """
        INSERT INTO commission_dossier
          (dossier_id, department_code, submitted_at, awaiting_session, term_number, requested_on)
        VALUES (?, ?, ?, TRUE, 1, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        Timestamp.from(event.submittedAt()),
        event.submissionDate());
  }

  @EventHandler
  void on(RenewalRequested event) {
    jdbc.update(
        "UPDATE commission_dossier SET awaiting_session = TRUE, term_number = ?, requested_on = ?"
            + " WHERE dossier_id = ?",
        event.termNumber(),
        event.requestedOn(),
        event.dossierId());
  }

  @EventHandler
  void on(DossierPlacedOnAgenda event) {
    awaitingSession(event.dossierId(), false);
  }

  @EventHandler
  void on(OpinionRecorded event) {
    if (event.opinion() == Opinion.ADJOURNED) {
      awaitingSession(event.dossierId(), true);
    }
  }

  /** A pending renewal request falls with its pathway. */
  @EventHandler
  void on(PathwayEnded event) {
    awaitingSession(event.dossierId(), false);
  }

  @QueryHandler
  List<PendingDossierView> handle(FindPendingDossiersQuery query) {
    return jdbc.query(
        """
        SELECT dossier_id, submitted_at, term_number, requested_on FROM commission_dossier
        WHERE department_code = ? AND awaiting_session
        ORDER BY requested_on, submitted_at, dossier_id
        """,
        (row, i) ->
            new PendingDossierView(
                row.getString("dossier_id"),
                row.getTimestamp("submitted_at").toInstant(),
                row.getInt("term_number"),
                row.getObject("requested_on", LocalDate.class)),
        query.departmentCode());
  }

  private void awaitingSession(String dossierId, boolean awaiting) {
    jdbc.update(
        "UPDATE commission_dossier SET awaiting_session = ? WHERE dossier_id = ?",
        awaiting,
        dossierId);
  }
}
