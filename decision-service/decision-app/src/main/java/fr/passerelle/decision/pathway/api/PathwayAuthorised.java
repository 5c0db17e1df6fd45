package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Internal event: the préfet authorised the pathway from {@code startDate} to {@code endDate} (both
 * included), its first term. Carries the dossier's profile for the rights it opens.
 *
 * <p>Revision 2: the motivation left the event for a table that erasure can reach; {@code
 * decisionId} names it there ({@code null} in revision-1 events, read through {@code
 * MotivationLeftTheEventsUpcaster}).
 */
@Revision("2")
public record PathwayAuthorised(
    String dossierId,
    String departmentCode,
    String decisionId,
    DossierProfile profile,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate) {}
