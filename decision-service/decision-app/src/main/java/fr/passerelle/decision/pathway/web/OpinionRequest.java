package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.events.Opinion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of the commission's opinion on a dossier: the opinion and the members' votes.
 *
 * @param recusedMemberIds members who declare a personal interest and take no part in the vote
 *     (optional; the members of the association that accompanies the person never take part)
 */
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
    @NotNull(message = "obligatoire") Boolean chairVotedFor,
    @Size(max = 100, message = "100 membres au plus")
        List<@NotBlank(message = "identifiant de membre obligatoire") String> recusedMemberIds) {}
