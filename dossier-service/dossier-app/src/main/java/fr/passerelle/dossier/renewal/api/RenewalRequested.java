package fr.passerelle.dossier.renewal.api;

import java.time.LocalDate;

/**
 * Internal event: an association asked for the renewal of a pathway it follows. The updated plan
 * and what was achieved are kept beside the event store, not in it (ADR 31).
 */
public record RenewalRequested(
    String requestId,
    String dossierId,
    String departmentCode,
    String associationId,
    LocalDate requestedOn) {}
