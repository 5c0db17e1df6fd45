package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RefusalReason;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Internal event: the préfet refused the pathway, for a coded reason. Revision 2: the motivation
 * left the event (see {@link PathwayAuthorised}).
 */
@Revision("2")
public record PathwayRefused(
    String dossierId,
    String departmentCode,
    String decisionId,
    DossierProfile profile,
    RefusalReason reason,
    LocalDate decidedOn) {}
