package fr.passerelle.reporting.review.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One département's annual review, as its commission presents it: counts only, no personal data.
 *
 * @param asOf the instant the figures are as known at; null for what the platform knows now
 * @param validatedByNationality validated pathways by ISO 3166-1 nationality, most first
 * @param nationalShareOfValidatedPercent the département's validated pathways out of all those
 *     validated in France that year, in percent with one decimal; null when none was validated
 */
public record DepartmentReview(
    String departmentCode,
    int year,
    Instant asOf,
    long dossiersStudied,
    long validated,
    long refused,
    Map<String, Long> validatedByNationality,
    long validatedTraffickingVictims,
    long permitsIssued,
    long afisRecipients,
    long afisMonthlyTotalCents,
    long beneficiariesInEmployment,
    long beneficiariesOnCdi,
    BigDecimal nationalShareOfValidatedPercent) {

  public DepartmentReview {
    validatedByNationality =
        Collections.unmodifiableMap(new LinkedHashMap<>(validatedByNationality));
  }
}
