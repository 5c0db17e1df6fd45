package fr.passerelle.reporting.review.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual review of every département together: counts and shares, no personal data.
 *
 * @param asOf the instant the figures are as known at; null for what the platform knows now
 * @param refusalRatePercent refused out of studied, in percent with one decimal; null when none was
 *     studied
 * @param departments the départements with at least one validated pathway, most first, then by code
 * @param sizeBands how many of the 101 départements validated none, 1–5, 6–10, 11–20 or more than
 *     20 pathways
 * @param fiveLargestSharePercent the five largest départements' validated pathways out of all
 *     validated, in percent with one decimal; null when none was validated
 */
public record NationalReview(
    int year,
    Instant asOf,
    long dossiersStudied,
    long validated,
    long refused,
    BigDecimal refusalRatePercent,
    long permitsIssued,
    long afisRecipients,
    long afisMonthlyTotalCents,
    long beneficiariesInEmployment,
    long beneficiariesOnCdi,
    List<DepartmentShare> departments,
    Map<String, Long> sizeBands,
    BigDecimal fiveLargestSharePercent) {

  public NationalReview {
    departments = List.copyOf(departments);
    sizeBands = Collections.unmodifiableMap(new LinkedHashMap<>(sizeBands));
  }

  /** One département's validated pathways and their share of the national total. */
  public record DepartmentShare(
      String departmentCode, long validated, BigDecimal shareOfValidatedPercent) {}
}
