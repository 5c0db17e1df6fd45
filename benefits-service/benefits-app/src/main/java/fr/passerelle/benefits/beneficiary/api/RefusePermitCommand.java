package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.PermitRefusalReason;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfecture refuses to issue the residence permit, or to renew it, for a reason. */
public record RefusePermitCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    PermitRefusalReason reason) {

  public RefusePermitCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }
}
