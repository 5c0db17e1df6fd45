package fr.passerelle.benefits.payment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import java.time.YearMonth;
import java.util.List;

/**
 * A payment run before it is confirmed: each beneficiary whose AFIS reaches the month, with what
 * the run would pay them, or why nothing.
 *
 * @param totalCents what the run would pay in all
 */
public record PaymentPreview(
    String departmentCode, YearMonth month, List<Line> lines, int toPay, long totalCents) {

  public PaymentPreview {
    lines = List.copyOf(lines);
  }

  /**
   * @param outcome {@code PAID} for a line the run would pay
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Line(
      String dossierId,
      PaymentOutcome.Status outcome,
      Long amountCents,
      Long fullMonthAmountCents,
      Integer children,
      String scaleReference,
      Long oneOffAidCents,
      String oneOffAidReference) {}
}
