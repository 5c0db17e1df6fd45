package fr.passerelle.decision.reminder.query;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayEnded;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewalRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewed;
import fr.passerelle.decision.pathway.api.RenewalRequested;
import fr.passerelle.decision.pathway.command.AuthorisationTerm;
import fr.passerelle.decision.reminder.api.TodoKind;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the to-do items of the pathways in {@code pathways_todo}, opened and closed by the
 * Pathway's events: a renewal due (shown from 30 days before the term's last day until that day,
 * unless the terms already reach the maximum), a renewal request awaiting a session, a request
 * awaiting the préfet's decision. Every write sets values from its event alone, so the processor
 * may replay.
 */
@Component
@ProcessingGroup(PathwaysTodoProjection.PROCESSING_GROUP)
public class PathwaysTodoProjection {

  public static final String PROCESSING_GROUP = "pathways-todo";

  /** A renewal shows on the lists this many days before the term's last day. */
  static final int RENEWAL_NOTICE_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final AuthorisationTerm term;

  PathwaysTodoProjection(JdbcTemplate jdbc, AuthorisationTerm term) {
    this.jdbc = jdbc;
    this.term = term;
  }

  @EventHandler
  void on(DossierRegistered event) {
    jdbc.update(
        """
        INSERT INTO pathways_todo_dossier (dossier_id, department_code, association_id)
        VALUES (?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.profile().associationId());
  }

  @EventHandler
  void on(PathwayAuthorised event) {
    jdbc.update(
        """
        INSERT INTO pathways_todo_dossier
          (dossier_id, department_code, association_id, term_end_date)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id) DO UPDATE SET term_end_date = EXCLUDED.term_end_date,
          association_id = COALESCE(pathways_todo_dossier.association_id, EXCLUDED.association_id)
        """,
        event.dossierId(),
        event.departmentCode(),
        event.profile().associationId(),
        Date.valueOf(event.endDate()));
    close(event.departmentCode(), TodoKind.DECISION_DUE, event.dossierId());
    int months =
        (int) Period.between(event.startDate(), event.endDate().plusDays(1)).toTotalMonths();
    renewalDue(event.departmentCode(), event.dossierId(), event.endDate(), months);
  }

  @EventHandler
  void on(PathwayRefused event) {
    close(event.departmentCode(), TodoKind.DECISION_DUE, event.dossierId());
  }

  /** The renewal is asked: the association's part is done, the secretariat's begins. */
  @EventHandler
  void on(RenewalRequested event) {
    close(event.departmentCode(), TodoKind.RENEWAL_DUE, event.dossierId());
    jdbc.update(
        """
        INSERT INTO pathways_todo
          (department_code, kind, subject, due_on, visible_from, visible_until, closed)
        SELECT department_code, CAST(? AS VARCHAR), dossier_id, COALESCE(term_end_date, ?), ?,
          NULL, FALSE
        FROM pathways_todo_dossier WHERE dossier_id = ?
        ON CONFLICT (department_code, kind, subject)
          DO UPDATE SET due_on = EXCLUDED.due_on, visible_from = EXCLUDED.visible_from,
            closed = FALSE
        """,
        TodoKind.RENEWAL_AWAITING_SESSION.name(),
        Date.valueOf(event.requestedOn()),
        Date.valueOf(event.requestedOn()),
        event.dossierId());
  }

  @EventHandler
  void on(DossierPlacedOnAgenda event) {
    if (event.term() > 1) {
      close(event.departmentCode(), TodoKind.RENEWAL_AWAITING_SESSION, event.dossierId());
    }
  }

  /**
   * An adjourned renewal request awaits another session; any other opinion leaves the request to
   * the préfet, by the term's last day for a renewal (the session's day for a first request).
   */
  @EventHandler
  void on(OpinionRecorded event) {
    if (event.opinion() == Opinion.ADJOURNED) {
      if (event.term() > 1) {
        jdbc.update(
            "UPDATE pathways_todo SET closed = FALSE"
                + " WHERE department_code = ? AND kind = ? AND subject = ?",
            event.departmentCode(),
            TodoKind.RENEWAL_AWAITING_SESSION.name(),
            event.dossierId());
      }
      return;
    }
    jdbc.update(
        """
        INSERT INTO pathways_todo
          (department_code, kind, subject, due_on, visible_from, visible_until, closed)
        SELECT department_code, CAST(? AS VARCHAR), dossier_id,
          CASE WHEN CAST(? AS INTEGER) > 1 THEN COALESCE(term_end_date, ?) ELSE ? END, ?, NULL, FALSE
        FROM pathways_todo_dossier WHERE dossier_id = ?
        ON CONFLICT (department_code, kind, subject)
          DO UPDATE SET due_on = EXCLUDED.due_on, visible_from = EXCLUDED.visible_from,
            closed = FALSE
        """,
        TodoKind.DECISION_DUE.name(),
        event.term(),
        Date.valueOf(event.sessionDate()),
        Date.valueOf(event.sessionDate()),
        Date.valueOf(event.sessionDate()),
        event.dossierId());
  }

  /**
   * The next term is in force from the day after the last: its own renewal is due before it ends.
   */
  @EventHandler
  void on(PathwayRenewed event) {
    jdbc.update(
        "UPDATE pathways_todo_dossier SET term_end_date = ? WHERE dossier_id = ?",
        Date.valueOf(event.endDate()),
        event.dossierId());
    close(event.departmentCode(), TodoKind.DECISION_DUE, event.dossierId());
    close(event.departmentCode(), TodoKind.RENEWAL_AWAITING_SESSION, event.dossierId());
    renewalDue(event.departmentCode(), event.dossierId(), event.endDate(), event.totalMonths());
  }

  /** The current term is the last: nothing is left to ask. */
  @EventHandler
  void on(PathwayRenewalRefused event) {
    close(event.departmentCode(), TodoKind.DECISION_DUE, event.dossierId());
    close(event.departmentCode(), TodoKind.RENEWAL_AWAITING_SESSION, event.dossierId());
  }

  @EventHandler
  void on(PathwayEnded event) {
    jdbc.update(
        "UPDATE pathways_todo SET closed = TRUE WHERE department_code = ? AND subject = ?",
        event.departmentCode(),
        event.dossierId());
  }

  /**
   * A term ending on {@code lastDay} after {@code totalMonths} in all: its renewal is due from 30
   * days before until that day, unless no further term can be granted (then the item stays closed).
   */
  private void renewalDue(
      String departmentCode, String dossierId, LocalDate lastDay, int totalMonths) {
    jdbc.update(
        """
        INSERT INTO pathways_todo
          (department_code, kind, subject, due_on, visible_from, visible_until, closed)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (department_code, kind, subject)
          DO UPDATE SET due_on = EXCLUDED.due_on, visible_from = EXCLUDED.visible_from,
            visible_until = EXCLUDED.visible_until, closed = EXCLUDED.closed
        """,
        departmentCode,
        TodoKind.RENEWAL_DUE.name(),
        dossierId,
        Date.valueOf(lastDay),
        Date.valueOf(lastDay.minusDays(RENEWAL_NOTICE_DAYS)),
        Date.valueOf(lastDay),
        term.isExhausted(totalMonths));
  }

  private void close(String departmentCode, TodoKind kind, String subject) {
    jdbc.update(
        "UPDATE pathways_todo SET closed = TRUE"
            + " WHERE department_code = ? AND kind = ? AND subject = ?",
        departmentCode,
        kind.name(),
        subject);
  }
}
