package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A housing step from a date: read as text, so an unknown step is reported with the fields. */
public record HousingRequest(
    @NotNull(message = "obligatoire")
        @Pattern(
            regexp = "EMERGENCY_SHELTER|TEMPORARY_HOUSING|SOCIAL_HOUSING|PRIVATE_RENTAL",
            message =
                "étape attendue : EMERGENCY_SHELTER, TEMPORARY_HOUSING, SOCIAL_HOUSING ou"
                    + " PRIVATE_RENTAL")
        String step,
    @NotNull(message = "obligatoire") LocalDate from) {}
