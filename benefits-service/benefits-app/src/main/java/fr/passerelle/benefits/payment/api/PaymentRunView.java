package fr.passerelle.benefits.payment.api;

import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A payment run: {@code RUNNING} until every line is paid or passed, then {@code COMPLETED}.
 *
 * @param paid lines this run paid
 * @param paidCents what it paid in all
 * @param lines each line done so far and its outcome
 */
public record PaymentRunView(
    String runId,
    String departmentCode,
    YearMonth month,
    LocalDate confirmedOn,
    String status,
    int scheduled,
    int done,
    int paid,
    long paidCents,
    List<Line> lines) {

  public PaymentRunView {
    lines = List.copyOf(lines);
  }

  /** The same counts, without naming the beneficiaries. */
  public PaymentRunView withoutLines() {
    return new PaymentRunView(
        runId,
        departmentCode,
        month,
        confirmedOn,
        status,
        scheduled,
        done,
        paid,
        paidCents,
        List.of());
  }

  public record Line(String dossierId, PaymentOutcome.Status outcome, long paidCents) {}
}
