package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: an authorised pathway made its person a beneficiary, from {@code startDate} to
 * {@code endDate}. Private to benefits-service (not published).
 */
public record BeneficiaryRegistered(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate) {}
