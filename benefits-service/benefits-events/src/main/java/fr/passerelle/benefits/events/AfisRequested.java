package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The association that accompanies a beneficiary requested the AFIS for them, with the household
 * and the resources of the previous month (the resources stay in benefits-service).
 *
 * @param requestId the request, named again by the decision on it
 * @param children dependent children in the household
 */
public record AfisRequested(
    String dossierId,
    String departmentCode,
    String requestId,
    LocalDate requestedOn,
    int children) {

  public static final String TYPE = "passerelle.benefits.afis-requested.v1";
}
