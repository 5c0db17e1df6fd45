package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A payment run pays the beneficiary's AFIS of {@code month}, if anything is due and the month is
 * not paid yet. Answered with a {@link PaymentOutcome}.
 *
 * @param paidOn the day of the payment run
 */
public record PayAfisCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    YearMonth month,
    String paymentRunId,
    LocalDate paidOn) {

  public PayAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(paymentRunId, "paymentRunId");
    Objects.requireNonNull(paidOn, "paidOn");
  }
}
