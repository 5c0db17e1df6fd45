package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of an employment record. The contract type is read as text and checked against {@link
 * fr.passerelle.benefits.events.ContractType}'s values, so that an unknown one is reported with the
 * other fields instead of making the whole body unreadable. A training is not an employment: it has
 * its own record.
 *
 * @param endDate the end a fixed-term contract sets; none for a CDI
 */
public record EmploymentRequest(
    @NotNull(message = "obligatoire")
        @Pattern(
            regexp = CONTRACT_TYPES,
            message =
                "type de contrat attendu : CDI, CDD, TEMPORARY, INTEGRATION_CONTRACT ou"
                    + " APPRENTICESHIP (une formation s'enregistre à part)")
        String contractType,
    @NotNull(message = "obligatoire") LocalDate startDate,
    LocalDate endDate,
    @NotNull(message = "obligatoire")
        @DecimalMin(value = "0", inclusive = false, message = "doit être supérieur à 0")
        @DecimalMax(value = "48", message = "48 heures par semaine au plus")
        @Digits(integer = 2, fraction = 2, message = "deux décimales au plus")
        BigDecimal weeklyHours) {

  static final String CONTRACT_TYPES = "CDI|CDD|TEMPORARY|INTEGRATION_CONTRACT|APPRENTICESHIP";
}
