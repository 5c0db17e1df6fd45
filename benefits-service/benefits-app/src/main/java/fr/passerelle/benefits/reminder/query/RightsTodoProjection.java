package fr.passerelle.benefits.reminder.query;

import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.AfisRequested;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.PathwayEnded;
import fr.passerelle.benefits.beneficiary.api.PermitEnded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.PermitRefused;
import fr.passerelle.benefits.beneficiary.api.PermitRenewed;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.payment.api.PaymentRunConfirmed;
import fr.passerelle.benefits.reminder.api.TodoKind;
import fr.passerelle.edge.DepartmentCode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the to-do items the service's events open and close in {@code rights_todo}: a permit to
 * decide, a permit about to expire (shown from 30 days before), an AFIS request to decide, a
 * month's payment run done. The months' payment runs due are opened by an AFIS granted for the
 * month, and for each new month by the persistent scheduler ({@link
 * RightsTodoList#openPaymentRunsDue}). Every write is idempotent.
 */
@Component
@ProcessingGroup(RightsTodoProjection.PROCESSING_GROUP)
public class RightsTodoProjection {

  public static final String PROCESSING_GROUP = "rights-todo";

  /** A permit shows on the list this many days before its last day. */
  static final int PERMIT_NOTICE_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final RightsPolicy policy;
  private final Clock clock;

  RightsTodoProjection(JdbcTemplate jdbc, RightsPolicy policy, Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
  }

  /** A foreign victim of trafficking or procuring: the préfecture has a permit to decide. */
  @EventHandler
  void on(BeneficiaryRegistered event) {
    boolean victim =
        Boolean.TRUE.equals(event.traffickingVictim())
            || Boolean.TRUE.equals(event.procuringVictim());
    if (event.nationality() != null && policy.needsPermit(event.nationality()) && victim) {
      open(
          event.departmentCode(),
          TodoKind.PERMIT_TO_DECIDE,
          event.dossierId(),
          event.startDate(),
          event.decidedOn());
    }
  }

  @EventHandler
  void on(PermitIssued event) {
    close(event.departmentCode(), TodoKind.PERMIT_TO_DECIDE, event.dossierId());
    expiring(event.departmentCode(), event.dossierId(), event.validUntil());
  }

  @EventHandler
  void on(PermitRefused event) {
    close(event.departmentCode(), TodoKind.PERMIT_TO_DECIDE, event.dossierId());
  }

  @EventHandler
  void on(PermitRenewed event) {
    expiring(event.departmentCode(), event.dossierId(), event.validUntil());
  }

  @EventHandler
  void on(PermitEnded event) {
    close(event.departmentCode(), TodoKind.PERMIT_EXPIRING, event.dossierId());
  }

  @EventHandler
  void on(AfisRequested event) {
    open(
        event.departmentCode(),
        TodoKind.AFIS_REQUEST_TO_DECIDE,
        event.dossierId(),
        event.requestedOn(),
        event.requestedOn());
  }

  /**
   * The request is decided; and an AFIS that runs this month makes the month's payment run due at
   * once in its département, rather than from the scheduler's next daily pass.
   */
  @EventHandler
  void on(AfisGranted event) {
    close(event.departmentCode(), TodoKind.AFIS_REQUEST_TO_DECIDE, event.dossierId());
    YearMonth month = YearMonth.from(DepartmentCode.today(event.departmentCode(), clock));
    if (!event.from().isAfter(month.atEndOfMonth()) && !event.until().isBefore(month.atDay(1))) {
      jdbc.update(
          """
          INSERT INTO rights_todo (department_code, kind, subject, due_on, visible_from, closed)
          VALUES (?, ?, ?, ?, ?, FALSE)
          ON CONFLICT (department_code, kind, subject) DO NOTHING
          """,
          event.departmentCode(),
          TodoKind.PAYMENT_RUN_DUE.name(),
          month.toString(),
          Date.valueOf(month.atEndOfMonth()),
          Date.valueOf(month.atDay(1)));
    }
  }

  @EventHandler
  void on(AfisRefused event) {
    close(event.departmentCode(), TodoKind.AFIS_REQUEST_TO_DECIDE, event.dossierId());
  }

  /** Nothing is left to decide for a pathway that ended. */
  @EventHandler
  void on(PathwayEnded event) {
    close(event.departmentCode(), TodoKind.PERMIT_TO_DECIDE, event.dossierId());
    close(event.departmentCode(), TodoKind.AFIS_REQUEST_TO_DECIDE, event.dossierId());
  }

  /**
   * The month's run is done: its item is closed, or recorded closed before the scheduler opens it.
   */
  @EventHandler
  void on(PaymentRunConfirmed event) {
    jdbc.update(
        """
        INSERT INTO rights_todo (department_code, kind, subject, due_on, visible_from, closed)
        VALUES (?, ?, ?, ?, ?, TRUE)
        ON CONFLICT (department_code, kind, subject) DO UPDATE SET closed = TRUE
        """,
        event.departmentCode(),
        TodoKind.PAYMENT_RUN_DUE.name(),
        event.month().toString(),
        Date.valueOf(event.month().atEndOfMonth()),
        Date.valueOf(event.month().atDay(1)));
  }

  private void expiring(String departmentCode, String dossierId, LocalDate validUntil) {
    jdbc.update(
        """
        INSERT INTO rights_todo (department_code, kind, subject, due_on, visible_from, closed)
        VALUES (?, ?, ?, ?, ?, FALSE)
        ON CONFLICT (department_code, kind, subject)
          DO UPDATE SET due_on = EXCLUDED.due_on, visible_from = EXCLUDED.visible_from,
            closed = FALSE
        """,
        departmentCode,
        TodoKind.PERMIT_EXPIRING.name(),
        dossierId,
        Date.valueOf(validUntil),
        Date.valueOf(validUntil.minusDays(PERMIT_NOTICE_DAYS)));
  }

  private void open(
      String departmentCode, TodoKind kind, String subject, LocalDate dueOn, LocalDate from) {
    jdbc.update(
        """
        INSERT INTO rights_todo (department_code, kind, subject, due_on, visible_from, closed)
        VALUES (?, ?, ?, ?, ?, FALSE)
        ON CONFLICT (department_code, kind, subject)
          DO UPDATE SET due_on = EXCLUDED.due_on, visible_from = EXCLUDED.visible_from,
            closed = FALSE
        """,
        departmentCode,
        kind.name(),
        subject,
        Date.valueOf(dueOn),
        Date.valueOf(from));
  }

  private void close(String departmentCode, TodoKind kind, String subject) {
    jdbc.update(
        "UPDATE rights_todo SET closed = TRUE"
            + " WHERE department_code = ? AND kind = ? AND subject = ?",
        departmentCode,
        kind.name(),
        subject);
  }
}
