package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet authorised a pathway: open the rights it gives (residence permit, AFIS) from the
 * dossier's public profile, as of the decision.
 *
 * @param nationality ISO 3166-1 alpha-2 code
 * @param ageBand age band at submission, e.g. {@code FROM_25_TO_34} or {@code UNDER_18}
 * @param monthlyResources household resources of the month before submission, whole euros
 * @param receivesRsa whether the person receives, or is entitled to, the RSA
 * @param receivesAda whether the person receives the asylum seekers' allowance
 * @param startDate first day of the pathway
 * @param endDate last day of the pathway's authorisation
 * @param associationId the approved association that accompanies the person, or {@code null} when
 *     the validation names none
 */
public record OpenRightsCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String nationality,
    String ageBand,
    int children,
    int monthlyResources,
    boolean receivesRsa,
    boolean receivesAda,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String associationId) {

  public OpenRightsCommand {
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
    if (monthlyResources < 0) {
      throw new IllegalArgumentException("monthlyResources must not be negative");
    }
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("the pathway must not end before it starts");
    }
  }
}
