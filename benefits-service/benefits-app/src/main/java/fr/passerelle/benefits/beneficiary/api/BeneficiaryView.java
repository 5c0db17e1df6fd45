package fr.passerelle.benefits.beneficiary.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rights a beneficiary's pathway opened and the integration outcomes recorded since.
 *
 * @param associationId the approved association that accompanies the beneficiary, the only one that
 *     may see and record its outcomes; {@code null} when the validation named none
 * @param permit the residence permit, or {@code null} when none was needed
 */
public record BeneficiaryView(
    String dossierId,
    String departmentCode,
    String associationId,
    Permit permit,
    Afis afis,
    List<Employment> employments) {

  public BeneficiaryView {
    employments = List.copyOf(employments);
  }

  public record Permit(LocalDate validFrom, LocalDate validUntil) {}

  /** Granted with its amount and territory, or refused with its reason: never both. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Afis(
      boolean granted, Long monthlyAmountCents, Territory territory, AfisRefusalReason reason) {

    public static Afis granted(long monthlyAmountCents, Territory territory) {
      return new Afis(true, monthlyAmountCents, territory, null);
    }

    public static Afis refused(AfisRefusalReason reason) {
      return new Afis(false, null, null, reason);
    }
  }

  public record Employment(
      ContractType contractType, LocalDate startDate, BigDecimal weeklyHours) {}
}
