package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: the préfecture issued a residence permit (APS) allowing work.
 *
 * @param decidedOn the day of the decision; {@code null} in the events stored when permits were
 *     issued automatically at validation
 */
public record PermitIssued(
    String dossierId,
    String departmentCode,
    LocalDate validFrom,
    LocalDate validUntil,
    LocalDate decidedOn) {}
