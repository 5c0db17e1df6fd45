package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfet lifts the suspension of the AFIS from the month after {@code decidedOn}. */
public record ResumeAfisCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, LocalDate decidedOn) {

  public ResumeAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
  }
}
