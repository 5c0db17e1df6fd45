package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association records that a job ended on {@code endDate}, its last day. */
public record EndEmploymentCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String employmentId,
    LocalDate endDate) {

  public EndEmploymentCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(employmentId, "employmentId");
    Objects.requireNonNull(endDate, "endDate");
  }
}
