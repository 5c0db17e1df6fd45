package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/**
 * Internal event: a renewal request awaits a session of the commission, for term {@code
 * termNumber}.
 */
public record RenewalRequested(
    String dossierId,
    String departmentCode,
    String requestId,
    int termNumber,
    LocalDate requestedOn) {}
