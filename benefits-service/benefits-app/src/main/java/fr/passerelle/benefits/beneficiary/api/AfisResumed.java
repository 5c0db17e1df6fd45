package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Internal event: the préfet lifted the suspension; the AFIS is due again from {@code fromMonth}.
 */
public record AfisResumed(
    String dossierId, String departmentCode, LocalDate decidedOn, YearMonth fromMonth) {}
