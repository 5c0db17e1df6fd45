package fr.passerelle.decision.pathway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.decision.events.RefusalReason;
import java.time.LocalDate;

/**
 * The answer to a decision: for an authorisation, the period it covers (both days included); for a
 * refusal, its reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(
    String dossierId,
    Decision decision,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    RefusalReason reason) {}
