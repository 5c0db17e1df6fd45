package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisStopReason;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfet suspends the AFIS from the month after {@code decidedOn}. */
public record SuspendAfisCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    AfisStopReason reason) {

  public SuspendAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }
}
