package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The préfet lifted a suspension of the AFIS.
 *
 * @param fromMonth the first month paid again
 */
public record AfisResumed(
    String dossierId, String departmentCode, LocalDate decidedOn, YearMonth fromMonth) {

  public static final String TYPE = "passerelle.benefits.afis-resumed.v1";
}
