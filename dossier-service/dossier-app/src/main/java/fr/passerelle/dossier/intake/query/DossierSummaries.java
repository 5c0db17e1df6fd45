package fr.passerelle.dossier.intake.query;

import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import fr.passerelle.dossier.intake.api.ErasureRequested;
import fr.passerelle.dossier.intake.api.PersonalDataErased;
import fr.passerelle.edge.DepartmentCode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The dossiers of each département and their status, projected from their events. */
@Component
@ProcessingGroup(DossierSummaries.NAME)
public class DossierSummaries {

  public static final String NAME = "dossier-summaries";

  private final JdbcTemplate jdbc;

  DossierSummaries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DossierDrafted event) {
    jdbc.update(
        """
        INSERT INTO dossier_summary
          (dossier_id, department_code, association_id, person_id, status, drafted_at)
        VALUES (?, ?, ?, ?, 'DRAFT', ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.content().associationId(),
        event.personId(),
        Timestamp.from(event.draftedAt()));
  }

  @EventHandler
  void on(DraftRevised event) {
    jdbc.update(
        "UPDATE dossier_summary SET association_id = ? WHERE dossier_id = ?",
        event.content().associationId(),
        event.dossierId());
  }

  @EventHandler
  void on(DossierSubmitted event) {
    jdbc.update(
        """
        INSERT INTO dossier_summary
          (dossier_id, department_code, person_id, status, submitted_at, submitted_on)
        VALUES (?, ?, ?, 'SUBMITTED', ?, ?)
        ON CONFLICT (dossier_id) DO UPDATE
          SET status = 'SUBMITTED', submitted_at = EXCLUDED.submitted_at,
              submitted_on = EXCLUDED.submitted_on
        """,
        event.dossierId(),
        event.departmentCode(),
        event.personId(),
        Timestamp.from(event.submittedAt()),
        event.submittedOn() == null ? null : Date.valueOf(event.submittedOn()));
  }

  @EventHandler
  void on(DraftWithdrawn event) {
    jdbc.update(
        "UPDATE dossier_summary SET status = 'WITHDRAWN' WHERE dossier_id = ?", event.dossierId());
  }

  @EventHandler
  void on(ErasureRequested event) {
    jdbc.update(
        "UPDATE dossier_summary SET erasure_received_on = ? WHERE dossier_id = ?",
        event.receivedOn(),
        event.dossierId());
  }

  /** The vault's id of the person goes with their data: nothing left to link it to. */
  @EventHandler
  void on(PersonalDataErased event) {
    jdbc.update(
        """
        UPDATE dossier_summary
        SET person_id = NULL, erasure_received_on = NULL, erased_at = ?, erasure_reason = ?
        WHERE dossier_id = ?""",
        Timestamp.from(event.erasedAt()),
        event.reason().name(),
        event.dossierId());
  }

  /** The dossier, if it belongs to {@code departmentCode}. */
  public Optional<DossierSummary> find(String departmentCode, String dossierId) {
    return jdbc
        .query(
            "SELECT * FROM dossier_summary WHERE dossier_id = ? AND department_code = ?",
            DossierSummaries::summary,
            dossierId,
            departmentCode)
        .stream()
        .findFirst();
  }

  /**
   * The dossiers of {@code departmentCode}, of one {@code status} if given, of one {@code
   * associationId} if given.
   */
  public List<DossierSummary> inDepartment(
      String departmentCode, String status, String associationId) {
    return jdbc.query(
        "SELECT * FROM dossier_summary WHERE department_code = ?"
            + " AND (CAST(? AS VARCHAR) IS NULL OR status = ?)"
            + " AND (CAST(? AS VARCHAR) IS NULL OR association_id = ?)"
            + " ORDER BY drafted_at, dossier_id",
        DossierSummaries::summary,
        departmentCode,
        status,
        status,
        associationId,
        associationId);
  }

  private static DossierSummary summary(ResultSet rs, int row) throws SQLException {
    Timestamp drafted = rs.getTimestamp("drafted_at");
    Timestamp submitted = rs.getTimestamp("submitted_at");
    Timestamp erased = rs.getTimestamp("erased_at");
    Date received = rs.getDate("erasure_received_on");
    Date submittedOn = rs.getDate("submitted_on");
    return new DossierSummary(
        rs.getString("dossier_id"),
        rs.getString("department_code"),
        rs.getString("association_id"),
        rs.getString("person_id"),
        rs.getString("status"),
        drafted == null ? null : drafted.toInstant(),
        submitted == null ? null : submitted.toInstant(),
        submittedOn != null
            ? submittedOn.toLocalDate()
            // recorded before submissions had a date (0.4): Paris's day was then the date, the one
            // every consumer dates it by (DossierSubmitted.submissionDate)
            : submitted == null
                ? null
                : LocalDate.ofInstant(submitted.toInstant(), DepartmentCode.METROPOLE),
        received == null ? null : received.toLocalDate(),
        erased == null ? null : erased.toInstant(),
        rs.getString("erasure_reason"));
  }
}
