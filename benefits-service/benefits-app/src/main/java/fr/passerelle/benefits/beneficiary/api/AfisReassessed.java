package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Internal event: the household changed on {@code changedOn}; from {@code fromMonth} the AFIS is
 * due for {@code children} children.
 *
 * @param monthlyAmountCents the full amount of {@code fromMonth}'s scale for the new household
 */
public record AfisReassessed(
    String dossierId,
    String departmentCode,
    LocalDate changedOn,
    YearMonth fromMonth,
    int children,
    long monthlyAmountCents) {}
