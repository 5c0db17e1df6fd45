package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** The bodies of the préfecture's decisions on a residence permit (APS). */
final class PermitRequests {

  private PermitRequests() {}

  /**
   * Issue: the decision's day, the validity (six months at least), and what the préfecture found:
   * whether the person has ceased prostitution.
   */
  record Issue(
      @NotNull(message = "obligatoire") LocalDate decidedOn,
      @NotNull(message = "obligatoire") LocalDate validFrom,
      @NotNull(message = "obligatoire") LocalDate validUntil,
      @NotNull(message = "obligatoire") Boolean ceasedProstitution) {}

  /** Renewal: from the day after the permit ends, until {@code validUntil}. */
  record Renewal(
      @NotNull(message = "obligatoire") LocalDate decidedOn,
      @NotNull(message = "obligatoire") LocalDate validUntil,
      @NotNull(message = "obligatoire") Boolean ceasedProstitution) {}

  /** Refusal, of the permit or of its renewal, with a reason code. */
  record Refusal(
      @NotNull(message = "obligatoire") LocalDate decidedOn,
      @NotNull(message = "obligatoire")
          @Pattern(
              regexp =
                  "FREE_MOVEMENT_NATIONAL|NOT_A_VICTIM|PROSTITUTION_NOT_CEASED"
                      + "|PATHWAY_NOT_AUTHORISED|PUBLIC_ORDER",
              message =
                  "motif attendu : FREE_MOVEMENT_NATIONAL, NOT_A_VICTIM, PROSTITUTION_NOT_CEASED,"
                      + " PATHWAY_NOT_AUTHORISED ou PUBLIC_ORDER")
          String reason) {}

  /** Withdrawal on the day of the decision. */
  record Withdrawal(@NotNull(message = "obligatoire") LocalDate decidedOn) {}
}
