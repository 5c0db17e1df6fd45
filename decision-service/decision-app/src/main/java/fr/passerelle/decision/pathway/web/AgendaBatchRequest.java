package fr.passerelle.decision.pathway.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of a batch of agenda entries: the dossiers to put on the session's agenda. */
public record AgendaBatchRequest(
    @NotEmpty(message = "au moins un dossier") @Size(max = 200, message = "200 dossiers au plus")
        List<
                @NotBlank(message = "obligatoire")
                @Size(max = 255, message = "255 caractères au plus") String>
            dossierIds) {}
