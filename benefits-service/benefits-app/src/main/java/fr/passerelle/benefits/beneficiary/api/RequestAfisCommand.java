package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The association that accompanies the beneficiary requests the AFIS for them, with the household
 * and the resources of the month before the request.
 *
 * @param ageBand the person's age band now, or {@code null} to keep the submission's
 */
public record RequestAfisCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String requestId,
    LocalDate requestedOn,
    int children,
    long previousMonthResourcesCents,
    boolean receivesRsa,
    boolean receivesAda,
    ResidenceDocument residenceDocument,
    String ageBand) {

  public RequestAfisCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requestedOn, "requestedOn");
    Objects.requireNonNull(residenceDocument, "residenceDocument");
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
    if (previousMonthResourcesCents < 0) {
      throw new IllegalArgumentException("resources must not be negative");
    }
  }
}
