package fr.passerelle.dossier.intake.query;

import java.time.Instant;

/** A dossier's place in the process, without personal data. */
public record DossierSummary(
    String dossierId,
    String departmentCode,
    String associationId,
    String personId,
    String status,
    Instant draftedAt,
    Instant submittedAt) {}
