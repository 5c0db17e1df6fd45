package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The AFIS was granted for the pathway's term.
 *
 * @param monthlyAmountCents the monthly amount from the effective-dated scale, in cents
 * @param territory which scale applies
 */
public record AfisGranted(
    String dossierId,
    String departmentCode,
    long monthlyAmountCents,
    Territory territory,
    LocalDate from,
    LocalDate until) {

  public static final String TYPE = "passerelle.benefits.afis-granted.v1";
}
