package fr.passerelle.decision.session.web;

import fr.passerelle.decision.shared.web.ConsistentFields;
import fr.passerelle.decision.shared.web.CrossFieldChecked;
import fr.passerelle.edge.refusal.FieldError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a commission session: when it sits and who attends.
 *
 * @param secondConvocation whether it sits on a second convocation (optional, false by default)
 */
@ConsistentFields
public record OpenSessionRequest(
    @NotNull(message = "obligatoire") LocalDate date,
    @NotNull(message = "obligatoire")
        @Min(value = 1, message = "1 au moins")
        @Max(value = 100, message = "100 au plus")
        Integer membersTotal,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 100, message = "100 au plus")
        Integer membersPresent,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 100, message = "100 au plus")
        Integer membersRepresented,
    Boolean secondConvocation)
    implements CrossFieldChecked {

  @Override
  public List<FieldError> crossFieldErrors() {
    if (membersTotal == null || membersPresent == null || membersRepresented == null) {
      return List.of();
    }
    if (membersPresent + membersRepresented > membersTotal) {
      return List.of(
          FieldError.of(
              "membersPresent",
              "présents et représentés plus nombreux que les membres de la commission"));
    }
    return List.of();
  }
}
