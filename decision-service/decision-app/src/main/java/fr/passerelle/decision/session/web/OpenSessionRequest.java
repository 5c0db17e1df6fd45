package fr.passerelle.decision.session.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a commission session: when it sat, who chaired, who was present, who gave a mandate
 * to whom, and, for a second convocation, the first one that lacked its quorum.
 *
 * @param mandates optional: none by default
 * @param firstConvocationId optional: a first convocation by default
 * @param convocation optional: when the members were convened, if the records say
 */
public record OpenSessionRequest(
    @NotNull(message = "obligatoire") LocalDate date,
    @NotBlank(message = "obligatoire") @Size(max = 255, message = "255 caractères au plus")
        String chairMemberId,
    @NotNull(message = "obligatoire") @Size(max = 100, message = "100 membres au plus")
        List<@NotBlank(message = "identifiant de membre obligatoire") String> present,
    @Size(max = 100, message = "100 mandats au plus")
        List<@NotNull(message = "mandat obligatoire") @Valid MandateRequest> mandates,
    @Size(max = 255, message = "255 caractères au plus") String firstConvocationId,
    @Valid ConvocationRequest convocation) {

  /** When the members were convened, and whether in urgency (not urgent by default). */
  public record ConvocationRequest(
      @NotNull(message = "obligatoire") LocalDate sentOn, Boolean urgent) {}

  /** An absent member's mandate to a member present. */
  public record MandateRequest(
      @NotBlank(message = "obligatoire") String fromMemberId,
      @NotBlank(message = "obligatoire") String toMemberId) {}
}
