package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RefusalReason;
import java.time.LocalDate;

/** Internal event: the préfet refused the pathway, for a coded reason and a free motivation. */
public record PathwayRefused(
    String dossierId,
    String departmentCode,
    DossierProfile profile,
    RefusalReason reason,
    LocalDate decidedOn,
    String motivation) {}
