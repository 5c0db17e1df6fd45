package fr.passerelle.benefits.beneficiary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The answer to an outcome's record: what was recorded, for which beneficiary.
 *
 * @param id the job's or training's id, to name it when it ends
 * @param kind {@code EMPLOYMENT}, {@code TRAINING} or {@code HOUSING}
 * @param type the contract type or the housing step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeRecorded(
    String dossierId,
    String departmentCode,
    String kind,
    String id,
    String type,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal weeklyHours) {}
