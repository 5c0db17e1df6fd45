package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RefusalReason;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet refuses a pathway, after the commission's opinion.
 *
 * @param motivation free text, kept in decision-service only (it may name the person)
 */
public record RefusePathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    RefusalReason reason,
    String motivation) {

  public RefusePathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }
}
