package fr.passerelle.decision.pathway.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of an agenda entry: the dossier to put on the session's agenda. */
public record AgendaRequest(
    @NotBlank(message = "obligatoire") @Size(max = 255, message = "255 caractères au plus")
        String dossierId) {}
