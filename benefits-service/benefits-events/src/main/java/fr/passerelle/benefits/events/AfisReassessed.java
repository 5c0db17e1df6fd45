package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The household changed: the AFIS is re-assessed from the next month.
 *
 * @param decidedOn the day the change was recorded
 * @param fromMonth the first month at the new amount
 * @param children dependent children from then on
 * @param monthlyAmountCents the full monthly amount of {@code fromMonth}'s scale, in cents
 */
public record AfisReassessed(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    YearMonth fromMonth,
    int children,
    long monthlyAmountCents) {

  public static final String TYPE = "passerelle.benefits.afis-reassessed.v1";
}
