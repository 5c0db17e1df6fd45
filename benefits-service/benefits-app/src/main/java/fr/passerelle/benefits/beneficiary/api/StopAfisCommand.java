package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisStopReason;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfet stops the AFIS: nothing is due after the month of {@code decidedOn}. */
public record StopAfisCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    AfisStopReason reason) {

  public StopAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }
}
