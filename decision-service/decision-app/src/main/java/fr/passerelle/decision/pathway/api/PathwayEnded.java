package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.EndReason;
import java.time.LocalDate;

/**
 * Internal event: the pathway ended on {@code lastDay}; {@code decisionId} and {@code decidedOn}
 * are {@code null} for an end at term, which no one decided.
 */
public record PathwayEnded(
    String dossierId,
    String departmentCode,
    String decisionId,
    EndReason reason,
    LocalDate lastDay,
    LocalDate decidedOn,
    int termNumber,
    int totalMonths) {}
