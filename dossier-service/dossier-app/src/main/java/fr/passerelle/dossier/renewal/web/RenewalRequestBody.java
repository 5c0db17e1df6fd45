package fr.passerelle.dossier.renewal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of a renewal request.
 *
 * @param requestedOn the day the association made the request
 * @param plan the pathway's updated plan for the next term
 * @param achievements what was achieved during the current term
 */
public record RenewalRequestBody(
    @NotNull(message = "obligatoire") LocalDate requestedOn,
    @NotBlank(message = "obligatoire") @Size(max = 8000, message = "8000 caractères au plus")
        String plan,
    @NotBlank(message = "obligatoire") @Size(max = 8000, message = "8000 caractères au plus")
        String achievements) {}
