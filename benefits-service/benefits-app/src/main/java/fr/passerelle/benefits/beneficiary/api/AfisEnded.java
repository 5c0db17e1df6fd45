package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisEndReason;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Internal event: the AFIS ended on {@code endedOn}, its last day.
 *
 * @param lastMonth the last month with anything due, {@code null} when it ended before its first
 */
public record AfisEnded(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate endedOn,
    YearMonth lastMonth,
    AfisEndReason reason) {}
