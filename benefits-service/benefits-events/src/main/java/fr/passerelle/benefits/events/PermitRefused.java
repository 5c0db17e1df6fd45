package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The préfecture refused to issue a residence permit (APS), or to renew one.
 *
 * @param renewal whether a permit had been issued before: the refusal is of its renewal
 */
public record PermitRefused(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    PermitRefusalReason reason,
    boolean renewal) {

  public static final String TYPE = "passerelle.benefits.permit-refused.v1";
}
