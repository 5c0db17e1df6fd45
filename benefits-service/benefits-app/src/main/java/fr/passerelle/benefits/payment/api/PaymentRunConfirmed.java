package fr.passerelle.benefits.payment.api;

import java.time.LocalDate;
import java.time.YearMonth;

/** Internal event: a payment run was confirmed with {@code lines} beneficiaries to pay. */
public record PaymentRunConfirmed(
    String runId, String departmentCode, YearMonth month, LocalDate confirmedOn, int lines) {}
