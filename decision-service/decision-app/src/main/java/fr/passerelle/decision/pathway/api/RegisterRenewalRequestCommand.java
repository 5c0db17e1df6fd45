package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The association's request to renew a pathway reaches its département's commission. Sent again
 * when the request is delivered again, which changes nothing.
 *
 * @param requestId the request, as dossier-service numbered it
 * @param requestedOn the day the association asked
 */
public record RegisterRenewalRequestCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String requestId,
    String associationId,
    LocalDate requestedOn) {

  public RegisterRenewalRequestCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requestedOn, "requestedOn");
  }
}
