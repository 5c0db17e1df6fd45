package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The bodies of the AFIS's requests and decisions. */
final class AfisRequests {

  static final String STOP_REASONS = "COMMITMENTS_BROKEN|CONDITIONS_NO_LONGER_MET";
  static final String STOP_REASON_MESSAGE =
      "motif attendu : COMMITMENTS_BROKEN ou CONDITIONS_NO_LONGER_MET";

  private AfisRequests() {}

  /**
   * The association's request: the household, the resources of the month before the request (in
   * euros), RSA and ADA, a residence document besides the permit, and optionally the person's age
   * band now.
   */
  record Request(
      @NotNull(message = "obligatoire") LocalDate requestedOn,
      @NotNull(message = "obligatoire")
          @Min(value = 0, message = "ne peut pas être négatif")
          @Max(value = 20, message = "20 au plus")
          Integer children,
      @NotNull(message = "obligatoire")
          @DecimalMin(value = "0", message = "ne peut pas être négatif")
          @Digits(integer = 7, fraction = 2, message = "montant en euros, deux décimales au plus")
          BigDecimal previousMonthResources,
      @NotNull(message = "obligatoire") Boolean receivesRsa,
      @NotNull(message = "obligatoire") Boolean receivesAda,
      @Pattern(
              regexp = "NONE|RESIDENCE_PERMIT|RECEIPT",
              message = "document attendu : NONE, RESIDENCE_PERMIT ou RECEIPT")
          String residenceDocument,
      @Pattern(
              regexp = "UNDER_18|FROM_18_TO_24|FROM_25_TO_34|FROM_35_TO_44|FROM_45_TO_54|FROM_55",
              message = "tranche d'âge attendue, ex. FROM_25_TO_34")
          String ageBand) {}

  /** The préfet's decision on a request, or on a suspension's lifting: its day. */
  record Decision(@NotNull(message = "obligatoire") LocalDate decidedOn) {}

  /** A suspension or a stop, with its reason. */
  record Stop(
      @NotNull(message = "obligatoire") LocalDate decidedOn,
      @NotNull(message = "obligatoire")
          @Pattern(regexp = STOP_REASONS, message = STOP_REASON_MESSAGE)
          String reason) {}

  /** A change of household on {@code changedOn}. */
  record Household(
      @NotNull(message = "obligatoire") LocalDate changedOn,
      @NotNull(message = "obligatoire")
          @Min(value = 0, message = "ne peut pas être négatif")
          @Max(value = 20, message = "20 au plus")
          Integer children) {}
}
