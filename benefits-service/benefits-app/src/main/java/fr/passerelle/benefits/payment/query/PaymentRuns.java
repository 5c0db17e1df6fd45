package fr.passerelle.benefits.payment.query;

import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.beneficiary.command.AfisMonth;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.beneficiary.query.BeneficiaryRights;
import fr.passerelle.benefits.payment.api.FindPaymentPreviewQuery;
import fr.passerelle.benefits.payment.api.FindPaymentRunQuery;
import fr.passerelle.benefits.payment.api.FindPaymentRunsQuery;
import fr.passerelle.benefits.payment.api.PaymentPreview;
import fr.passerelle.benefits.payment.api.PaymentRunConfirmed;
import fr.passerelle.benefits.payment.api.PaymentRunView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payment runs: projects each confirmed run into {@code afis_payment_run}, reads its lines as
 * the executor writes them, and previews a run before it is confirmed with the same rules and the
 * same rights the beneficiaries will pay with.
 */
@Component
@ProcessingGroup(PaymentRuns.PROCESSING_GROUP)
public class PaymentRuns {

  public static final String PROCESSING_GROUP = "payment-runs";

  private final JdbcTemplate jdbc;
  private final BeneficiaryRights rights;
  private final RightsPolicy policy;

  PaymentRuns(JdbcTemplate jdbc, BeneficiaryRights rights, RightsPolicy policy) {
    this.jdbc = jdbc;
    this.rights = rights;
    this.policy = policy;
  }

  @EventHandler
  void on(PaymentRunConfirmed event) {
    jdbc.update(
        """
        INSERT INTO afis_payment_run (run_id, department_code, month, confirmed_on, lines)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (run_id) DO NOTHING
        """,
        event.runId(),
        event.departmentCode(),
        Date.valueOf(event.month().atDay(1)),
        Date.valueOf(event.confirmedOn()),
        event.lines());
  }

  /**
   * What a run of the month would pay now: each right reaching the month, at the amount its
   * beneficiary would pay.
   *
   * @throws fr.passerelle.benefits.beneficiary.command.NoAfisScaleException when the month has no
   *     scale in force for a right that reaches it
   */
  @QueryHandler
  public PaymentPreview handle(FindPaymentPreviewQuery query) {
    List<PaymentPreview.Line> lines = new ArrayList<>();
    long total = 0;
    int toPay = 0;
    for (BeneficiaryRights.RightInMonth right :
        rights.rightsReaching(query.departmentCode(), query.month())) {
      if (right.paid()) {
        lines.add(notPaid(right.dossierId(), PaymentOutcome.Status.ALREADY_PAID));
        continue;
      }
      AfisMonth month = policy.due(right.right(), query.month());
      if (month instanceof AfisMonth.Due due) {
        lines.add(
            new PaymentPreview.Line(
                right.dossierId(),
                PaymentOutcome.Status.PAID,
                due.amountCents(),
                due.fullMonthAmountCents(),
                due.children(),
                due.scaleReference(),
                due.oneOffAidCents(),
                due.oneOffAidReference()));
        total += due.totalCents();
        toPay++;
      } else {
        lines.add(notPaid(right.dossierId(), ((AfisMonth.NotDue) month).reason()));
      }
    }
    return new PaymentPreview(query.departmentCode(), query.month(), lines, toPay, total);
  }

  @QueryHandler
  Optional<PaymentRunView> handle(FindPaymentRunQuery query) {
    return jdbc
        .query(
            "SELECT * FROM afis_payment_run WHERE run_id = ? AND department_code = ?",
            (row, n) -> view(row),
            query.runId(),
            query.departmentCode())
        .stream()
        .findFirst();
  }

  /** The month's runs, their counts without their lines. */
  @QueryHandler
  List<PaymentRunView> handle(FindPaymentRunsQuery query) {
    return jdbc
        .query(
            "SELECT * FROM afis_payment_run WHERE department_code = ? AND month = ?"
                + " ORDER BY confirmed_on, run_id",
            (row, n) -> view(row),
            query.departmentCode(),
            Date.valueOf(query.month().atDay(1)))
        .stream()
        .map(PaymentRunView::withoutLines)
        .toList();
  }

  private PaymentRunView view(ResultSet row) throws SQLException {
    String runId = row.getString("run_id");
    List<PaymentRunView.Line> lines =
        jdbc.query(
            "SELECT dossier_id, outcome, paid_cents FROM afis_payment_run_line WHERE run_id = ?"
                + " ORDER BY dossier_id",
            (line, n) ->
                new PaymentRunView.Line(
                    line.getString("dossier_id"),
                    PaymentOutcome.Status.valueOf(line.getString("outcome")),
                    line.getLong("paid_cents")),
            runId);
    int scheduled = row.getInt("lines");
    List<PaymentRunView.Line> paid =
        lines.stream().filter(l -> l.outcome() == PaymentOutcome.Status.PAID).toList();
    return new PaymentRunView(
        runId,
        row.getString("department_code"),
        YearMonth.from(row.getDate("month").toLocalDate()),
        row.getDate("confirmed_on").toLocalDate(),
        lines.size() >= scheduled ? "COMPLETED" : "RUNNING",
        scheduled,
        lines.size(),
        paid.size(),
        paid.stream().mapToLong(PaymentRunView.Line::paidCents).sum(),
        lines);
  }

  private static PaymentPreview.Line notPaid(String dossierId, PaymentOutcome.Status outcome) {
    return new PaymentPreview.Line(dossierId, outcome, null, null, null, null, null, null);
  }
}
