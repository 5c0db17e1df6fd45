package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.RenewalRefusalReason;
import java.time.LocalDate;

/** Internal event: the préfet refused term {@code termNumber}; the current term is the last. */
public record PathwayRenewalRefused(
    String dossierId,
    String departmentCode,
    String decisionId,
    int termNumber,
    RenewalRefusalReason reason,
    LocalDate decidedOn,
    LocalDate currentTermEndDate) {}
