package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.events.RefusalReason;
import fr.passerelle.decision.shared.web.ConsistentFields;
import fr.passerelle.decision.shared.web.CrossFieldChecked;
import fr.passerelle.edge.refusal.FieldError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of the préfet's decision.
 *
 * @param startDate first day of the pathway: required to authorise, not before the decision
 * @param reason why the pathway is refused: required to refuse
 * @param motivation free text, kept in decision-service only (optional)
 */
@ConsistentFields
public record DecisionRequest(
    @NotBlank(message = "obligatoire") @Size(max = 255, message = "255 caractères au plus")
        String dossierId,
    @NotNull(message = "obligatoire") Decision decision,
    @NotNull(message = "obligatoire") LocalDate decidedOn,
    LocalDate startDate,
    RefusalReason reason,
    @Size(max = 4000, message = "4000 caractères au plus") String motivation)
    implements CrossFieldChecked {

  @Override
  public List<FieldError> crossFieldErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (decision == Decision.AUTHORISE) {
      if (startDate == null) {
        errors.add(FieldError.of("startDate", "obligatoire pour une autorisation"));
      } else if (decidedOn != null && startDate.isBefore(decidedOn)) {
        errors.add(FieldError.of("startDate", "ne peut précéder la date de la décision"));
      }
    }
    if (decision == Decision.REFUSE && reason == null) {
      errors.add(FieldError.of("reason", "obligatoire pour un refus"));
    }
    return errors;
  }
}
