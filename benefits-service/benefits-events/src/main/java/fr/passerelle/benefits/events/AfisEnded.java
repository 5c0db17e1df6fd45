package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The AFIS ended: nothing is due after {@code endedOn}.
 *
 * @param endedOn last day of the right
 * @param lastMonth the last month with anything due, or null when the right ended before its first
 *     month
 */
public record AfisEnded(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate endedOn,
    YearMonth lastMonth,
    AfisEndReason reason) {

  public static final String TYPE = "passerelle.benefits.afis-ended.v1";
}
