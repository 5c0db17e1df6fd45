package fr.passerelle.benefits.payment.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Internal event: one beneficiary of a confirmed run, to pay. One event per line, so that each line
 * is paid in a transaction of its own, with the payment executor's progress.
 */
public record PaymentLineScheduled(
    String runId,
    String departmentCode,
    YearMonth month,
    LocalDate confirmedOn,
    String dossierId) {}
