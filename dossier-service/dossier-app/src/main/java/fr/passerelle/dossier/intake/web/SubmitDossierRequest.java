package fr.passerelle.dossier.intake.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of a dossier submission. */
public record SubmitDossierRequest(
    @NotNull(message = "obligatoire")
        @Pattern(regexp = "^[A-Z]{2}$", message = "code pays ISO 3166-1 alpha-2 attendu (ex. NG)")
        String nationality,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 20, message = "20 au plus")
        Integer children,
    @NotNull(message = "obligatoire") Boolean traffickingVictim) {}
