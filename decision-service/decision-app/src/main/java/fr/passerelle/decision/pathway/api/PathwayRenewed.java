package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/** Internal event: the préfet renewed the pathway for term {@code termNumber}. */
public record PathwayRenewed(
    String dossierId,
    String departmentCode,
    String decisionId,
    int termNumber,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    int months,
    int totalMonths) {}
