package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: an authorised pathway made its person a beneficiary, from {@code startDate} to
 * {@code endDate}. Private to benefits-service (not published).
 *
 * @param associationId the approved association that accompanies the beneficiary; {@code null} when
 *     the validation did not name one, and in the events stored before it was added
 */
public record BeneficiaryRegistered(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String associationId) {}
