package fr.passerelle.decision.pathway.query;

import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.FindPathwayQuery;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayEnded;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewalRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewed;
import fr.passerelle.decision.pathway.api.PathwayView;
import fr.passerelle.decision.pathway.api.RenewalRequestDeclined;
import fr.passerelle.decision.pathway.api.RenewalRequested;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each pathway stands ({@code pathway_view}), with the platform's recording time of its last
 * change beside the domain's dates. Every update sets values from its event alone, so the processor
 * may replay.
 */
@Component
@ProcessingGroup(PathwaysProjection.PROCESSING_GROUP)
public class PathwaysProjection {

  public static final String PROCESSING_GROUP = "pathways";

  private final JdbcTemplate jdbc;

  PathwaysProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DossierRegistered event, @Timestamp Instant recordedAt) {
    jdbc.update(
        """
        INSERT INTO pathway_view
          (dossier_id, department_code, association_id, stage, recorded_at)
        VALUES (?, ?, ?, 'FIRST_REQUEST', ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.profile().associationId(),
        java.sql.Timestamp.from(recordedAt));
  }

  @EventHandler
  void on(PathwayAuthorised event, @Timestamp Instant recordedAt) {
    update(
        event.dossierId(),
        recordedAt,
        "stage = 'RUNNING', term_number = 1, first_start_date = ?, term_start_date = ?,"
            + " term_end_date = ?, total_months = ?",
        event.startDate(),
        event.startDate(),
        event.endDate(),
        (int) Period.between(event.startDate(), event.endDate().plusDays(1)).toTotalMonths());
  }

  @EventHandler
  void on(PathwayRefused event, @Timestamp Instant recordedAt) {
    update(event.dossierId(), recordedAt, "stage = 'REFUSED'");
  }

  @EventHandler
  void on(RenewalRequested event, @Timestamp Instant recordedAt) {
    update(
        event.dossierId(),
        recordedAt,
        "pending_term = ?, pending_since = ?",
        event.termNumber(),
        event.requestedOn());
  }

  @EventHandler
  void on(RenewalRequestDeclined event, @Timestamp Instant recordedAt) {
    update(
        event.dossierId(),
        recordedAt,
        "last_declined = ?, last_declined_on = ?",
        event.reason().name(),
        event.requestedOn());
  }

  @EventHandler
  void on(PathwayRenewed event, @Timestamp Instant recordedAt) {
    update(
        event.dossierId(),
        recordedAt,
        "term_number = ?, term_start_date = ?, term_end_date = ?, total_months = ?,"
            + " pending_term = NULL, pending_since = NULL",
        event.termNumber(),
        event.startDate(),
        event.endDate(),
        event.totalMonths());
  }

  @EventHandler
  void on(PathwayRenewalRefused event, @Timestamp Instant recordedAt) {
    update(event.dossierId(), recordedAt, "pending_term = NULL, pending_since = NULL");
  }

  @EventHandler
  void on(PathwayEnded event, @Timestamp Instant recordedAt) {
    update(
        event.dossierId(),
        recordedAt,
        "stage = 'ENDED', end_reason = ?, last_day = ?, pending_term = NULL, pending_since = NULL",
        event.reason().name(),
        event.lastDay());
  }

  @QueryHandler
  Optional<PathwayView> handle(FindPathwayQuery query) {
    return jdbc
        .query(
            "SELECT * FROM pathway_view WHERE department_code = ? AND dossier_id = ?",
            (row, i) ->
                new PathwayView(
                    row.getString("dossier_id"),
                    row.getString("department_code"),
                    row.getString("stage"),
                    row.getInt("term_number"),
                    row.getObject("first_start_date", LocalDate.class),
                    row.getObject("term_start_date", LocalDate.class),
                    row.getObject("term_end_date", LocalDate.class),
                    row.getInt("total_months"),
                    (Integer) row.getObject("pending_term"),
                    row.getObject("pending_since", LocalDate.class),
                    row.getString("last_declined"),
                    row.getObject("last_declined_on", LocalDate.class),
                    row.getString("end_reason"),
                    row.getObject("last_day", LocalDate.class),
                    row.getTimestamp("recorded_at").toInstant()),
            query.departmentCode(),
            query.dossierId())
        .stream()
        .findFirst();
  }

  /**
   * The association that accompanies {@code dossierId} in {@code departmentCode}, if the dossier is
   * known there and its submission named one.
   */
  public Optional<String> associationOf(String departmentCode, String dossierId) {
    return jdbc
        .queryForList(
            "SELECT association_id FROM pathway_view WHERE department_code = ? AND dossier_id = ?"
                + " AND association_id IS NOT NULL",
            String.class,
            departmentCode,
            dossierId)
        .stream()
        .findFirst();
  }

  private void update(String dossierId, Instant recordedAt, String set, Object... values) {
    Object[] arguments = new Object[values.length + 2];
    System.arraycopy(values, 0, arguments, 0, values.length);
    arguments[values.length] = java.sql.Timestamp.from(recordedAt);
    arguments[values.length + 1] = dossierId;
    jdbc.update(
        "UPDATE pathway_view SET " + set + ", recorded_at = ? WHERE dossier_id = ?", arguments);
  }
}
