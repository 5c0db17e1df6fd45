package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * A residence permit about to expire.
 *
 * @param pathwayEnd last day of the pathway's authorisation in force
 * @param renewable whether the pathway runs beyond the permit: it is to be renewed with it
 */
public record ExpiringPermit(
    String dossierId,
    String associationId,
    LocalDate validFrom,
    LocalDate validUntil,
    LocalDate pathwayEnd,
    boolean renewable) {}
