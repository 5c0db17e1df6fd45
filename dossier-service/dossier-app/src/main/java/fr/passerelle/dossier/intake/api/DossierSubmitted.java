package fr.passerelle.dossier.intake.api;

import java.time.Instant;

/** Internal event: a dossier was submitted. Private to dossier-service; see the publishing map. */
public record DossierSubmitted(
    String dossierId,
    String departmentCode,
    String nationality,
    int children,
    boolean traffickingVictim,
    Instant submittedAt) {}
