package fr.passerelle.reporting.review.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review of a year for every département together, as the ministry counts it (definitions in
 * the README): counts and shares, no personal data. A publication: counts under the threshold and
 * those that would give them away are withheld (null) and named in {@code withheld}.
 *
 * @param asOf the instant the figures are as known at; null for what the platform knows now
 * @param refusalRatePercent refused out of studied, in percent with one decimal; null when none was
 *     studied or either count is withheld
 * @param renewalRefusalRatePercent renewals refused out of renewals decided, the same way
 * @param afisPaidCents the AFIS actually paid in France for the months of the year, in cents; null
 *     when its recipients' count is withheld
 * @param departments the départements with a pathway in progress at 31 December or validated in the
 *     year: published ones by pathways in progress (most first), then withheld ones, by code
 * @param sizeBands how many of the 101 départements had none, 1–5, 6–10, 11–20 or more than 20
 *     pathways in progress at 31 December
 * @param fiveLargestSharePercent the five largest départements' pathways in progress out of all, in
 *     percent with one decimal; null when there are none or one of them is withheld
 * @param secrecyThreshold the k under which counts are withheld
 * @param withheld the figures withheld: France's by name, a département's as {@code
 *     departments.<code>.<name>}
 */
public record NationalReview(
    int year,
    Instant asOf,
    Long dossiersStudied,
    Long validated,
    Long refused,
    BigDecimal refusalRatePercent,
    Long validatedTraffickingVictims,
    Long firstRequestsRegistered,
    Long renewalRequestsRegistered,
    Long pathwaysRenewed,
    Long renewalsRefused,
    BigDecimal renewalRefusalRatePercent,
    Long pathwaysInProgress,
    Long peopleAccompanied,
    Long pathwaysEnded,
    Long permitsIssued,
    Long permitsRenewed,
    Long permitsInForce,
    Long afisRecipients,
    Long afisMonthlyTotalCents,
    Long afisRecipientsAtEnd,
    Long afisRecipientsPaid,
    Long afisPaidCents,
    Long afisRefusals,
    Long beneficiariesInEmployment,
    Long beneficiariesOnCdi,
    Long beneficiariesInTraining,
    Long beneficiariesWithHousing,
    List<DepartmentLine> departments,
    Map<String, Long> sizeBands,
    BigDecimal fiveLargestSharePercent,
    int secrecyThreshold,
    List<String> withheld) {

  public NationalReview {
    departments = List.copyOf(departments);
    sizeBands = Collections.unmodifiableMap(new LinkedHashMap<>(sizeBands));
    withheld = List.copyOf(withheld);
  }

  /**
   * One département's line: its pathways in progress at 31 December and their share of France's,
   * its pathways validated in the year.
   */
  public record DepartmentLine(
      String departmentCode,
      Long pathwaysInProgress,
      BigDecimal shareOfPathwaysInProgressPercent,
      Long validated) {}
}
