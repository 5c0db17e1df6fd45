package fr.passerelle.decision.pathway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a pathway stands: its current term, the months authorised over its terms, its pending
 * renewal request, the last one that could not be studied and why, its end. No personal data, no
 * motivation.
 *
 * @param stage FIRST_REQUEST, RUNNING, REFUSED or ENDED
 * @param recordedAt when the platform last recorded a change of it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathwayView(
    String dossierId,
    String departmentCode,
    String stage,
    int termNumber,
    LocalDate firstStartDate,
    LocalDate termStartDate,
    LocalDate termEndDate,
    int totalMonths,
    Integer pendingTermNumber,
    LocalDate pendingSince,
    String lastDeclinedRequest,
    LocalDate lastDeclinedOn,
    String endReason,
    LocalDate lastDay,
    Instant recordedAt) {}
