package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The préfet granted the AFIS for the period of the pathway's authorisation. The amount actually
 * paid each month follows the scale in force that month ({@code AfisPaid}); the right goes on with
 * the pathway's renewals ({@code AfisRenewed}) until {@code AfisEnded}.
 *
 * @param monthlyAmountCents the full monthly amount of the first month's scale, in cents
 * @param territory which scale applies
 * @param from first day of the right
 * @param until last day of the pathway's authorisation in force at the decision
 * @param requestId the request decided (optional, added in 0.3)
 * @param decidedOn the day of the préfet's decision (optional, added in 0.3)
 * @param children dependent children in the household at the decision (optional, added in 0.3)
 * @param scaleReference the text that sets the first month's scale, e.g. {@code décret 2022-1340}
 *     (optional, added in 0.3)
 */
public record AfisGranted(
    String dossierId,
    String departmentCode,
    long monthlyAmountCents,
    Territory territory,
    LocalDate from,
    LocalDate until,
    String requestId,
    LocalDate decidedOn,
    Integer children,
    String scaleReference) {

  public static final String TYPE = "passerelle.benefits.afis-granted.v1";

  /** A grant as published before 0.3, without its request, decision date, household and scale. */
  public AfisGranted(
      String dossierId,
      String departmentCode,
      long monthlyAmountCents,
      Territory territory,
      LocalDate from,
      LocalDate until) {
    this(
        dossierId,
        departmentCode,
        monthlyAmountCents,
        territory,
        from,
        until,
        null,
        null,
        null,
        null);
  }
}
