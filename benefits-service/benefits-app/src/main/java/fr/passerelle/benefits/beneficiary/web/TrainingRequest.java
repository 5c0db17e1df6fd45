package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of a training record.
 *
 * @param endDate its planned last day, if known
 * @param weeklyHours hours a week, if known
 */
public record TrainingRequest(
    @NotNull(message = "obligatoire") LocalDate startDate,
    LocalDate endDate,
    @DecimalMin(value = "0", inclusive = false, message = "doit être supérieur à 0")
        @DecimalMax(value = "48", message = "48 heures par semaine au plus")
        @Digits(integer = 2, fraction = 2, message = "deux décimales au plus")
        BigDecimal weeklyHours) {}
