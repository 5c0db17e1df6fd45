package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: the association requested the AFIS with the facts its conditions are assessed on.
 * Only the request, its date and the household are published.
 *
 * @param previousMonthResourcesCents the household's resources of the month before the request
 * @param receivesRsa whether the person receives, or is entitled to, the RSA
 * @param receivesAda whether the person receives, or is entitled to, the asylum seekers' allowance
 * @param ageBand the person's age band as the association knows it now, or {@code null} to keep the
 *     one of the submission
 */
public record AfisRequested(
    String dossierId,
    String departmentCode,
    String requestId,
    LocalDate requestedOn,
    int children,
    long previousMonthResourcesCents,
    boolean receivesRsa,
    boolean receivesAda,
    ResidenceDocument residenceDocument,
    String ageBand) {}
