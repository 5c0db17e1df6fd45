package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.motivation.MotivatedDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet ends a running pathway before its term: the person did not keep their commitments, no
 * longer meets the conditions, or asked to end it.
 *
 * @param motivation free text kept outside the events; {@code null} when there is none
 * @param decisionId the decision, under which its motivation is kept
 * @param decidedOn the day of the préfet's decision, or of the person's request
 * @param lastDay the pathway's last day; {@code null} for the day of the decision
 */
public record EndPathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String decisionId,
    LocalDate decidedOn,
    EndReason reason,
    LocalDate lastDay,
    String motivation)
    implements MotivatedDecision {

  public EndPathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String decision() {
    return "END";
  }
}
