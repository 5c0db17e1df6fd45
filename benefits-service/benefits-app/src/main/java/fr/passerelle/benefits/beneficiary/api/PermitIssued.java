package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: a residence permit (APS) was issued for the pathway's term. */
public record PermitIssued(
    String dossierId, String departmentCode, LocalDate validFrom, LocalDate validUntil) {}
