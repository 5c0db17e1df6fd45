package fr.passerelle.decision.session.web;

import fr.passerelle.decision.session.api.MemberCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of a member of the commission.
 *
 * @param associationId for a member representing an approved association, that association
 *     (optional)
 */
public record AppointMemberRequest(
    @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
        String name,
    @NotNull(message = "obligatoire") MemberCategory category,
    @Size(max = 255, message = "255 caractères au plus") String associationId) {}
