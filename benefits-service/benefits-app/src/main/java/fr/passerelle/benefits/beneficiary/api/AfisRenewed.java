package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: the pathway's renewal extends the AFIS until {@code until}. */
public record AfisRenewed(
    String dossierId, String departmentCode, LocalDate decidedOn, LocalDate until) {}
