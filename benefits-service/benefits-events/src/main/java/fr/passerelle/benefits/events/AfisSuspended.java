package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The préfet suspended the AFIS from the month after the decision, until {@code AfisResumed}.
 *
 * @param fromMonth the first month not paid
 */
public record AfisSuspended(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    YearMonth fromMonth,
    AfisStopReason reason) {

  public static final String TYPE = "passerelle.benefits.afis-suspended.v1";
}
