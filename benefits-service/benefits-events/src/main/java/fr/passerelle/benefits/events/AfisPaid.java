package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The paying body paid a beneficiary's AFIS for one month: exactly one per beneficiary and month.
 *
 * @param month the month paid for ({@code 2023-01})
 * @param amountCents what was paid for the month, in cents: the full amount, or its share of the
 *     days the right covered in a first or last month
 * @param fullMonthAmountCents the month's amount in the scale for the household, in cents
 * @param territory which scale applies
 * @param children dependent children counted for the month
 * @param scaleReference the text that sets the month's scale, e.g. {@code décret 2022-1340}
 * @param oneOffAidCents a one-off aid paid with the month (such as décret 2020-1803's), or null
 * @param oneOffAidReference the text that grants that aid, or null
 * @param paymentRunId the payment run that paid it
 * @param paidOn the day of the payment run
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

  public static final String TYPE = "passerelle.benefits.afis-paid.v1";
}
