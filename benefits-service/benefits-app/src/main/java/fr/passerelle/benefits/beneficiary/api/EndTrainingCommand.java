package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association records that a training ended on {@code endDate}, its last day. */
public record EndTrainingCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String trainingId,
    LocalDate endDate) {

  public EndTrainingCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(trainingId, "trainingId");
    Objects.requireNonNull(endDate, "endDate");
  }
}
