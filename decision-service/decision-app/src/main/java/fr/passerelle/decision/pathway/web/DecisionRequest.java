package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.events.RefusalReason;
import fr.passerelle.decision.events.RenewalRefusalReason;
import fr.passerelle.decision.shared.web.ConsistentFields;
import fr.passerelle.decision.shared.web.CrossFieldChecked;
import fr.passerelle.edge.refusal.FieldError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of the préfet's decision.
 *
 * @param startDate first day of the pathway: required to authorise, not before the decision
 * @param months length of the term granted by AUTHORISE or RENEW (optional: the usual six months;
 *     shorter is refused)
 * @param reason the code of a refusal (REFUSE: {@link RefusalReason}; REFUSE_RENEWAL: {@link
 *     RenewalRefusalReason}) or of an early end (END: COMMITMENTS_NOT_KEPT,
 *     CONDITIONS_NO_LONGER_MET, PERSON_REQUEST)
 * @param lastDay the last day of a pathway ended early (optional: the day of the decision)
 * @param motivation free text kept in decision-service only, outside its events: required to
 *     refuse, refuse a renewal or end a pathway on the préfet's own decision (CRPA L211-2)
 */
@ConsistentFields
public record DecisionRequest(
    @NotBlank(message = "obligatoire") @Size(max = 255, message = "255 caractères au plus")
        String dossierId,
    @NotNull(message = "obligatoire") Decision decision,
    @NotNull(message = "obligatoire") LocalDate decidedOn,
    LocalDate startDate,
    @Min(value = 1, message = "1 au moins") @Max(value = 24, message = "24 au plus") Integer months,
    @Size(max = 64, message = "64 caractères au plus") String reason,
    LocalDate lastDay,
    @Size(max = 4000, message = "4000 caractères au plus") String motivation)
    implements CrossFieldChecked {

  private static final Set<EndReason> EARLY_ENDS =
      EnumSet.of(
          EndReason.COMMITMENTS_NOT_KEPT,
          EndReason.CONDITIONS_NO_LONGER_MET,
          EndReason.PERSON_REQUEST);

  @Override
  public List<FieldError> crossFieldErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (decision == null) {
      return errors;
    }
    switch (decision) {
      case AUTHORISE -> {
        if (startDate == null) {
          errors.add(FieldError.of("startDate", "obligatoire pour une autorisation"));
        } else if (decidedOn != null && startDate.isBefore(decidedOn)) {
          errors.add(FieldError.of("startDate", "ne peut précéder la date de la décision"));
        }
      }
      case REFUSE -> {
        reasonAmong(errors, RefusalReason.values(), "un refus");
        motivated(errors, "un refus");
      }
      case REFUSE_RENEWAL -> {
        reasonAmong(errors, RenewalRefusalReason.values(), "un refus de renouvellement");
        motivated(errors, "un refus de renouvellement");
      }
      case END -> {
        reasonAmong(errors, EARLY_ENDS.toArray(EndReason[]::new), "une fin de parcours");
        if (!EndReason.PERSON_REQUEST.name().equals(reason)) {
          motivated(errors, "une fin décidée par le préfet");
        }
        if (lastDay != null && decidedOn != null && lastDay.isBefore(decidedOn)) {
          errors.add(FieldError.of("lastDay", "ne peut précéder la date de la décision"));
        }
      }
      case RENEW -> {
        // the term follows the current one; months is checked by the pathway
      }
    }
    return errors;
  }

  /** The refusal reason, for REFUSE. */
  RefusalReason refusalReason() {
    return RefusalReason.valueOf(reason);
  }

  /** The refusal reason, for REFUSE_RENEWAL. */
  RenewalRefusalReason renewalRefusalReason() {
    return RenewalRefusalReason.valueOf(reason);
  }

  /** The end reason, for END. */
  EndReason endReason() {
    return EndReason.valueOf(reason);
  }

  private void reasonAmong(List<FieldError> errors, Enum<?>[] allowed, String what) {
    String codes = Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", "));
    if (reason == null) {
      errors.add(FieldError.of("reason", "obligatoire pour " + what + " : " + codes));
    } else if (Arrays.stream(allowed).noneMatch(code -> code.name().equals(reason))) {
      errors.add(FieldError.of("reason", "inconnu pour " + what + " : " + codes));
    }
  }

  private void motivated(List<FieldError> errors, String what) {
    if (motivation == null || motivation.isBlank()) {
      errors.add(FieldError.of("motivation", "obligatoire pour " + what + " (CRPA L211-2)"));
    }
  }
}
