package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet renewed the beneficiary's pathway until {@code endDate}: the AFIS goes on with it, and
 * the préfecture may renew the permit.
 */
public record RenewPathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate endDate) {

  public RenewPathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(endDate, "endDate");
  }
}
