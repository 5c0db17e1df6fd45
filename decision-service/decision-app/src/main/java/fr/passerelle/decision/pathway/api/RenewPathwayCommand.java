package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.motivation.MotivatedDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet renews a pathway after the commission's opinion on its renewal request: the new term
 * starts the day after the current one ends.
 *
 * @param motivation free text kept outside the events; {@code null} when there is none
 * @param decisionId the decision, under which its motivation is kept
 * @param months the new term's length; {@code null} for the usual term
 */
public record RenewPathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String decisionId,
    LocalDate decidedOn,
    Integer months,
    String motivation)
    implements MotivatedDecision {

  public RenewPathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedOn, "decidedOn");
  }

  @Override
  public String decision() {
    return "RENEW";
  }
}
