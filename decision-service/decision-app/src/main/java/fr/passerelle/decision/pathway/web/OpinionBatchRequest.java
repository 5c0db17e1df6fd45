package fr.passerelle.decision.pathway.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of a session's opinions recorded at once, one per dossier. */
public record OpinionBatchRequest(
    @NotEmpty(message = "au moins un avis") @Size(max = 200, message = "200 avis au plus")
        List<@NotNull(message = "avis obligatoire") @Valid OpinionRequest> opinions) {}
