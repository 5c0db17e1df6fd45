package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: the préfecture renewed the residence permit, from the day after it ended. */
public record PermitRenewed(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate validFrom,
    LocalDate validUntil) {}
