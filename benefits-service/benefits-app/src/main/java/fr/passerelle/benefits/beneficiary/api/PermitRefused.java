package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.PermitRefusalReason;
import java.time.LocalDate;

/**
 * Internal event: the préfecture refused to issue the residence permit, or to renew it.
 *
 * @param renewal whether a permit had been issued before
 */
public record PermitRefused(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    PermitRefusalReason reason,
    boolean renewal) {}
