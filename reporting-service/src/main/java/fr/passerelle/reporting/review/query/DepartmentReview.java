package fr.passerelle.reporting.review.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One département's review for a period, as its commission presents it: counts and shares, no
 * personal data (definitions in the README). For readers outside the département's staff, counts
 * under the threshold and those that would give them away are withheld: null, and named in {@code
 * withheld}.
 *
 * @param year the calendar year the period is, or null
 * @param from the period's first day, or null: since the commission's installation
 * @param to the period's last day
 * @param asOf the instant the figures are as known at; null for what the platform knows now
 * @param refusalRatePercent first requests refused out of those decided, in percent with one
 *     decimal; null when none was decided, or when either count is withheld
 * @param renewalRefusalRatePercent renewals refused out of renewals decided, the same way
 * @param validatedByNationality validated pathways by ISO 3166-1 nationality, most first; withheld
 *     ones last, by code
 * @param afisRecipientsPaid people paid the AFIS for at least one month of the period
 * @param afisPaidCents the AFIS actually paid for the months of the period, in cents; null when its
 *     recipients' count is withheld
 * @param afisRefusalsByReason AFIS refusals of the period by the reason of each dossier's last
 *     refusal, most first; withheld ones last, by code
 * @param afisRefusalsByCondition AFIS refusals of the period by each condition the dossier's last
 *     refusal found unmet (one refusal counts under each of its reasons), most first; withheld ones
 *     last, by code
 * @param beneficiariesWithHousing beneficiaries with a housing step recorded by the period's end
 * @param beneficiariesByHousingStep them by their housing step at the period's end, most first;
 *     withheld ones last, by code
 * @param nationalShareOfValidatedPercent the département's validated pathways out of all those
 *     validated in France in the period, in percent with one decimal; null when none was validated,
 *     or when either count is withheld
 * @param secrecyThreshold the k under which counts are withheld, or null: exact figures
 * @param withheld the figures withheld, as named in this review
 */
public record DepartmentReview(
    String departmentCode,
    Integer year,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    Long dossiersStudied,
    Long validated,
    Long refused,
    BigDecimal refusalRatePercent,
    Map<String, Long> validatedByNationality,
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
    Map<String, Long> afisRefusalsByReason,
    Map<String, Long> afisRefusalsByCondition,
    Long beneficiariesInEmployment,
    Long beneficiariesOnCdi,
    Long beneficiariesInTraining,
    Long beneficiariesWithHousing,
    Map<String, Long> beneficiariesByHousingStep,
    BigDecimal nationalShareOfValidatedPercent,
    Integer secrecyThreshold,
    List<String> withheld) {

  public DepartmentReview {
    validatedByNationality =
        Collections.unmodifiableMap(new LinkedHashMap<>(validatedByNationality));
    afisRefusalsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(afisRefusalsByReason));
    afisRefusalsByCondition =
        Collections.unmodifiableMap(new LinkedHashMap<>(afisRefusalsByCondition));
    beneficiariesByHousingStep =
        Collections.unmodifiableMap(new LinkedHashMap<>(beneficiariesByHousingStep));
    withheld = List.copyOf(withheld);
  }
}
