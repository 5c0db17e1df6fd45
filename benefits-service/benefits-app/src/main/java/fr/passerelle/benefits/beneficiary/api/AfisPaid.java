package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Internal event: a payment run paid the AFIS of {@code month}: the only payment of that month.
 *
 * @param amountCents what was paid for the month (pro rata in a month the right covers in part)
 * @param fullMonthAmountCents the scale's amount for the household
 * @param oneOffAidCents a one-off aid paid with it, or {@code null}
 */
public record AfisPaid(
    String dossierId,
    String departmentCode,
    YearMonth month,
    long amountCents,
    long fullMonthAmountCents,
    Territory territory,
    int children,
    String scaleReference,
    Long oneOffAidCents,
    String oneOffAidReference,
    String paymentRunId,
    LocalDate paidOn) {

  /** What the month cost: the AFIS and any one-off aid paid with it. */
  public long totalCents() {
    return amountCents + (oneOffAidCents == null ? 0 : oneOffAidCents);
  }
}
