package fr.passerelle.dossier.intake.api;

import java.time.Instant;

/** Internal event: a draft was withdrawn; the person's data is erased from the vault. */
public record DraftWithdrawn(
    String dossierId, String departmentCode, String personId, Instant withdrawnAt) {}
