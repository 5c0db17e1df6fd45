package fr.passerelle.dossier.retention;

import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.dossier.intake.api.PersonalDataErased;
import fr.passerelle.dossier.retention.RetentionPolicy.Facts;
import fr.passerelle.dossier.retention.RetentionPolicy.Stage;
import fr.passerelle.edge.DepartmentCode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What retention needs to know of each dossier, without personal data: its stage, the last day
 * something happened with the person, the erasure day the association was told. Fed by the
 * dossier's own events (drafting, revisions, submission, warning, erasure) and by the other
 * services' events about it (opinions, decisions, rights, outcomes: each a contact, by its domain
 * date; a refusal or the pathway's end closes it). A recording time becomes a day in the dossier's
 * département's zone.
 */
@Component
@ProcessingGroup(RetentionSchedule.NAME)
public class RetentionSchedule {

  public static final String NAME = "retention";

  private final JdbcTemplate jdbc;

  RetentionSchedule(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DossierDrafted event) {
    jdbc.update(
        """
        INSERT INTO retention_schedule
          (dossier_id, department_code, association_id, stage, last_contact)
        VALUES (?, ?, ?, 'DRAFT', ?)
        ON CONFLICT (dossier_id) DO NOTHING""",
        event.dossierId(),
        event.departmentCode(),
        event.content().associationId(),
        day(event.draftedAt(), event.departmentCode()));
  }

  @EventHandler
  void on(DraftRevised event, @Timestamp Instant revisedAt) {
    // the dossier's département (none, Paris's days, for a dossier not known here) with the update
    String departmentCode =
        jdbc
            .queryForList(
                "UPDATE retention_schedule SET association_id = ? WHERE dossier_id = ?"
                    + " RETURNING department_code",
                String.class,
                event.content().associationId(),
                event.dossierId())
            .stream()
            .findFirst()
            .orElse(null);
    contact(event.dossierId(), day(revisedAt, departmentCode));
  }

  @EventHandler
  void on(DossierSubmitted event) {
    jdbc.update(
        "UPDATE retention_schedule SET stage = 'SUBMITTED' WHERE dossier_id = ? AND stage = 'DRAFT'",
        event.dossierId());
    contact(
        event.dossierId(),
        // recorded before submissions had a date (0.4): Paris's day was then the date
        event.submittedOn() != null
            ? event.submittedOn()
            : LocalDate.ofInstant(event.submittedAt(), DepartmentCode.METROPOLE));
  }

  @EventHandler
  void on(ErasureAnnounced event) {
    jdbc.update(
        "UPDATE retention_schedule SET announced_erasure_on = ? WHERE dossier_id = ?",
        Date.valueOf(event.erasureOn()),
        event.dossierId());
  }

  @EventHandler
  void on(PersonalDataErased event) {
    jdbc.update(
        "UPDATE retention_schedule SET stage = 'ERASED', erased_on = ? WHERE dossier_id = ?",
        Date.valueOf(day(event.erasedAt(), event.departmentCode())),
        event.dossierId());
  }

  /**
   * Something happened with the person on {@code day}: the periods run from the latest, and a
   * warning given before a later contact no longer holds (a new one comes when its time comes).
   */
  public void contact(String dossierId, LocalDate day) {
    jdbc.update(
        """
        UPDATE retention_schedule
        SET announced_erasure_on =
              CASE WHEN ? > last_contact THEN NULL ELSE announced_erasure_on END,
            last_contact = GREATEST(last_contact, ?)
        WHERE dossier_id = ?""",
        Date.valueOf(day),
        Date.valueOf(day),
        dossierId);
  }

  /** The pathway ended or was refused on {@code day}: the period after the last contact runs. */
  public void closed(String dossierId, LocalDate day) {
    jdbc.update(
        "UPDATE retention_schedule SET stage = 'CLOSED' WHERE dossier_id = ? AND stage <> 'ERASED'",
        dossierId);
    contact(dossierId, day);
  }

  /** A dossier to look at today. */
  public record Entry(String dossierId, Facts facts) {}

  /** The départements with dossiers whose data a retention period may erase. */
  public List<String> departments() {
    return jdbc.queryForList(
        """
        SELECT DISTINCT department_code FROM retention_schedule
        WHERE stage IN ('DRAFT', 'CLOSED') ORDER BY department_code""",
        String.class);
  }

  /**
   * The dossiers of {@code departmentCode} whose period may end within the warning period of {@code
   * today}, the département's today.
   */
  public List<Entry> toLookAt(RetentionPolicy policy, String departmentCode, LocalDate today) {
    return jdbc.query(
        """
        SELECT dossier_id, stage, last_contact, announced_erasure_on FROM retention_schedule
        WHERE department_code = ?
          AND ((stage = 'DRAFT' AND last_contact <= ?) OR (stage = 'CLOSED' AND last_contact <= ?))
        ORDER BY last_contact, dossier_id""",
        (rs, row) -> {
          Date announced = rs.getDate("announced_erasure_on");
          return new Entry(
              rs.getString("dossier_id"),
              new Facts(
                  Stage.valueOf(rs.getString("stage")),
                  rs.getDate("last_contact").toLocalDate(),
                  announced == null ? null : announced.toLocalDate()));
        },
        departmentCode,
        Date.valueOf(policy.lookBefore(Stage.DRAFT, today)),
        Date.valueOf(policy.lookBefore(Stage.CLOSED, today)));
  }

  /** A dossier whose data the retention periods will erase, as the association's to-do shows it. */
  public record ErasureDue(
      String dossierId, String associationId, LocalDate erasureOn, String reason) {}

  /**
   * The dossiers of {@code departmentCode} (of {@code associationId} when given) whose association
   * was told their person's data will be erased, soonest first.
   */
  public List<ErasureDue> erasuresDue(String departmentCode, String associationId) {
    return jdbc.query(
        """
        SELECT dossier_id, association_id, announced_erasure_on, stage FROM retention_schedule
        WHERE department_code = ? AND announced_erasure_on IS NOT NULL
          AND stage IN ('DRAFT', 'CLOSED')
          AND (CAST(? AS VARCHAR) IS NULL OR association_id = ?)
        ORDER BY announced_erasure_on, dossier_id""",
        (rs, row) ->
            new ErasureDue(
                rs.getString("dossier_id"),
                rs.getString("association_id"),
                rs.getDate("announced_erasure_on").toLocalDate(),
                Stage.valueOf(rs.getString("stage")).erasureReason().name()),
        departmentCode,
        associationId,
        associationId);
  }

  /** The day {@code instant} was in département {@code departmentCode}. */
  static LocalDate day(Instant instant, String departmentCode) {
    return LocalDate.ofInstant(instant, DepartmentCode.zone(departmentCode));
  }
}
