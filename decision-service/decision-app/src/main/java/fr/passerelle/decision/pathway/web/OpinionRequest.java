package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.events.Opinion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of the commission's opinion on a dossier: the opinion and the members' votes. */
public record OpinionRequest(
    @NotBlank(message = "obligatoire") @Size(max = 255, message = "255 caractères au plus")
        String dossierId,
    @NotNull(message = "obligatoire") Opinion opinion,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 100, message = "100 au plus")
        Integer votesFor,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 100, message = "100 au plus")
        Integer votesAgainst,
    @NotNull(message = "obligatoire")
        @Min(value = 0, message = "ne peut pas être négatif")
        @Max(value = 100, message = "100 au plus")
        Integer abstentions,
    @NotNull(message = "obligatoire") Boolean chairVotedFor) {}
