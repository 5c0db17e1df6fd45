package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: the beneficiary's pathway now runs until {@code endDate}. */
public record PathwayRenewed(
    String dossierId, String departmentCode, LocalDate decidedOn, LocalDate endDate) {}
