package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/**
 * Internal event: the préfet authorised the pathway from {@code startDate} to {@code endDate} (both
 * included). Carries the dossier's profile for the rights it opens.
 */
public record PathwayAuthorised(
    String dossierId,
    String departmentCode,
    DossierProfile profile,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String motivation) {}
