package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.motivation.MotivatedDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet authorises a pathway, after the commission's opinion, from {@code startDate}.
 *
 * @param motivation free text kept outside the events; {@code null} when there is none
 * @param decisionId the decision, under which its motivation is kept (outside the event store)
 * @param months the first term's length; {@code null} for the usual term
 */
public record AuthorisePathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String decisionId,
    LocalDate decidedOn,
    LocalDate startDate,
    Integer months,
    String motivation)
    implements MotivatedDecision {

  public AuthorisePathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(startDate, "startDate");
    if (startDate.isBefore(decidedOn)) {
      throw new IllegalArgumentException("a pathway cannot start before it is authorised");
    }
  }

  @Override
  public String decision() {
    return "AUTHORISE";
  }
}
