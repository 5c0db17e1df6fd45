package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The association records a change of the beneficiary's household on {@code changedOn}: the AFIS is
 * re-assessed from the next month.
 */
public record ChangeHouseholdCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate changedOn,
    int children) {

  public ChangeHouseholdCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(changedOn, "changedOn");
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
  }
}
