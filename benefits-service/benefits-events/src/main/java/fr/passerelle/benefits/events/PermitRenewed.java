package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The préfecture renewed a residence permit (APS) with a renewal of the pathway, the conditions
 * still holding.
 *
 * @param validFrom first day of the renewed validity, the day after the previous one ended
 * @param validUntil last day of the renewed validity
 */
public record PermitRenewed(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate validFrom,
    LocalDate validUntil,
    boolean rightToWork) {

  public static final String TYPE = "passerelle.benefits.permit-renewed.v1";
}
