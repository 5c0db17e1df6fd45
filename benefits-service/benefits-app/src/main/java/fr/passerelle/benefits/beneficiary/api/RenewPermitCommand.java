package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfecture renews the residence permit with a renewal of the pathway, from the day after it
 * ends until {@code validUntil}.
 *
 * @param ceasedProstitution whether the person still has ceased prostitution
 */
public record RenewPermitCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate validUntil,
    boolean ceasedProstitution) {

  public RenewPermitCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(validUntil, "validUntil");
  }
}
