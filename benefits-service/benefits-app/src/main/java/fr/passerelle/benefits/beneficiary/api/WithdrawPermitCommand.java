package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfecture withdraws the residence permit: the conditions no longer hold. */
public record WithdrawPermitCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, LocalDate decidedOn) {

  public WithdrawPermitCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
  }
}
