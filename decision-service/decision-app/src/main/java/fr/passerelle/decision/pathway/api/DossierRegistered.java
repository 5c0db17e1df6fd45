package fr.passerelle.decision.pathway.api;

import java.time.Instant;

/** Internal event: a submitted dossier awaits a session of its département's commission. */
public record DossierRegistered(
    String dossierId, String departmentCode, Instant submittedAt, DossierProfile profile) {}
