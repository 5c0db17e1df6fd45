package fr.passerelle.decision.pathway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The answer to a decision: its id (under which its motivation is kept); for an authorisation or a
 * renewal, the term it grants (both days included) and the months over all terms; for a refusal or
 * an end, its reason; for an end, the pathway's last day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(
    String decisionId,
    String dossierId,
    Decision decision,
    LocalDate decidedOn,
    Integer termNumber,
    LocalDate startDate,
    LocalDate endDate,
    Integer totalMonths,
    String reason,
    LocalDate lastDay) {}
