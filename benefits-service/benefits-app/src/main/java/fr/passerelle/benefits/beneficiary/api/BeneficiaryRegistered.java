package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: an authorised pathway made its person a beneficiary, from {@code startDate} to
 * {@code endDate}, with the public profile its rights are assessed on. Private to benefits-service
 * (not published). Opens no right by itself: the préfecture decides the permit, the préfet the
 * AFIS.
 *
 * @param associationId the approved association that accompanies the beneficiary; {@code null} when
 *     the validation did not name one, and in the events stored before it was added
 * @param nationality ISO 3166-1 alpha-2 code; {@code null} in the events stored before the rights
 *     were decided (as are the other fields of the profile)
 * @param ageBand age band at submission, e.g. {@code FROM_25_TO_34}
 * @param children dependent children at submission
 * @param traffickingVictim whether the person is a victim of trafficking
 * @param procuringVictim whether the person is a victim of procuring; {@code null} when the
 *     validation did not say
 */
public record BeneficiaryRegistered(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String associationId,
    String nationality,
    String ageBand,
    Integer children,
    Boolean traffickingVictim,
    Boolean procuringVictim) {}
