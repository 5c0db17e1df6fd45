package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RenewalRefusalReason;
import fr.passerelle.decision.motivation.MotivatedDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet refuses to renew a pathway, after the commission's opinion: it ends at its current
 * term.
 *
 * @param motivation free text kept outside the events; {@code null} when there is none
 * @param decisionId the decision, under which its motivation is kept
 */
public record RefuseRenewalCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String decisionId,
    LocalDate decidedOn,
    RenewalRefusalReason reason,
    String motivation)
    implements MotivatedDecision {

  public RefuseRenewalCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String decision() {
    return "REFUSE_RENEWAL";
  }
}
