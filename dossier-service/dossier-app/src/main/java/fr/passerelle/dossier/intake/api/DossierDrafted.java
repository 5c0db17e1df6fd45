package fr.passerelle.dossier.intake.api;

import java.time.Instant;

/** Internal event: a dossier was drafted. */
public record DossierDrafted(
    String dossierId,
    String departmentCode,
    String personId,
    DossierContent content,
    Instant draftedAt) {}
