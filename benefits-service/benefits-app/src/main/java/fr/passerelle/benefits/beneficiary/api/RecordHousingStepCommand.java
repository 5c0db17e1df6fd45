package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.HousingStep;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association records where the beneficiary lives from {@code from}, until the next step. */
public record RecordHousingStepCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    HousingStep step,
    LocalDate from) {

  public RecordHousingStepCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(from, "from");
  }
}
