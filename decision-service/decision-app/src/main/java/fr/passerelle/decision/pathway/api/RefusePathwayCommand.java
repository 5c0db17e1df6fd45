package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RefusalReason;
import fr.passerelle.decision.motivation.MotivatedDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet refuses a pathway, after the commission's opinion.
 *
 * @param motivation free text kept outside the events; {@code null} when there is none
 * @param decisionId the decision, under which its motivation is kept (outside the event store)
 */
public record RefusePathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String decisionId,
    LocalDate decidedOn,
    RefusalReason reason,
    String motivation)
    implements MotivatedDecision {

  public RefusePathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String decision() {
    return "REFUSE";
  }
}
