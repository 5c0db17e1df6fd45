package fr.passerelle.dossier.renewal.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The association that accompanies a person asks for the renewal of their pathway.
 *
 * @param requestId the new request
 * @param submittedOn the day the dossier was submitted: a request is not made before it
 * @param requestedOn the day the association made the request (a date of the world)
 */
public record RequestRenewalCommand(
    @TargetAggregateIdentifier String requestId,
    String dossierId,
    String departmentCode,
    String associationId,
    LocalDate submittedOn,
    LocalDate requestedOn) {

  public RequestRenewalCommand {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(associationId, "associationId");
    Objects.requireNonNull(submittedOn, "submittedOn");
    Objects.requireNonNull(requestedOn, "requestedOn");
  }
}
