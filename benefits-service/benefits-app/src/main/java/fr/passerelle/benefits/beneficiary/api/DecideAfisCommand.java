package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet decides an AFIS request: the conditions are assessed at {@code decidedOn} (CASF
 * R121-12-13-1); the AFIS is granted when all are met, refused with every unmet one otherwise.
 */
public record DecideAfisCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String requestId,
    LocalDate decidedOn) {

  public DecideAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(decidedOn, "decidedOn");
  }
}
