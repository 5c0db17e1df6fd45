package fr.passerelle.dossier.events;

import java.time.LocalDate;

/**
 * The approved association that accompanies a person asked for the renewal of their running
 * pathway, with an updated plan and what was achieved. The plan stays in dossier-service's vault:
 * only ids and the request's date travel.
 *
 * @param dossierId the dossier whose pathway is to be renewed, also the record key
 * @param departmentCode the département whose commission studies the request
 * @param requestId the request, one per renewal asked for
 * @param associationId the association that asks
 * @param requestedOn the day the association made the request (a date of the world: history may be
 *     entered later)
 */
public record RenewalRequested(
    String dossierId,
    String departmentCode,
    String requestId,
    String associationId,
    LocalDate requestedOn) {

  public static final String TYPE = "passerelle.dossier.renewal-requested.v1";
}
