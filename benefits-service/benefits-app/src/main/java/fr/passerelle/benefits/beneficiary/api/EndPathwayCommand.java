package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The beneficiary's pathway ended on {@code lastDay}: at its term, or early. The rights end with
 * it.
 *
 * @param decidedOn the day of the decision that ended it; {@code null} at term
 */
public record EndPathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate lastDay,
    LocalDate decidedOn) {

  public EndPathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(lastDay, "lastDay");
  }
}
