package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisStopReason;
import java.time.LocalDate;
import java.time.YearMonth;

/** Internal event: the préfet suspended the AFIS from {@code fromMonth}, the month after. */
public record AfisSuspended(
    String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    YearMonth fromMonth,
    AfisStopReason reason) {}
