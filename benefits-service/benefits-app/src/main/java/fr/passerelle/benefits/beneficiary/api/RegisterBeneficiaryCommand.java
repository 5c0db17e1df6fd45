package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet authorised a pathway: its person becomes a beneficiary whose rights the préfecture and
 * the préfet may now decide.
 *
 * @param nationality ISO 3166-1 alpha-2 code
 * @param ageBand age band at submission, e.g. {@code FROM_25_TO_34} or {@code UNDER_18}
 * @param procuringVictim whether the person is a victim of procuring, {@code null} when unknown
 * @param decidedOn the day of the préfet's authorisation
 * @param startDate first day of the pathway
 * @param endDate last day of the pathway's authorisation
 * @param associationId the approved association that accompanies the person, or {@code null} when
 *     the validation names none
 */
public record RegisterBeneficiaryCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String nationality,
    String ageBand,
    int children,
    boolean traffickingVictim,
    Boolean procuringVictim,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String associationId) {

  public RegisterBeneficiaryCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(ageBand, "ageBand");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("the pathway must not end before it starts");
    }
  }
}
