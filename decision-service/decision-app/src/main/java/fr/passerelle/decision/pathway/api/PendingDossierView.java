package fr.passerelle.decision.pathway.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier whose request awaits a session of its commission: its first request or a renewal.
 *
 * @param termNumber the term asked for: 1 for a first request, 2 and more for a renewal
 * @param requestedOn the day of the request: the submission's, or the association's renewal request
 * @param submittedAt when the dossier was submitted
 */
public record PendingDossierView(
    String dossierId, Instant submittedAt, int termNumber, LocalDate requestedOn) {}
