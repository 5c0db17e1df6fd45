package fr.passerelle.decision.pathway.api;

import java.time.Instant;

/** A dossier awaiting a session of its commission. */
public record PendingDossierView(String dossierId, Instant submittedAt) {}
