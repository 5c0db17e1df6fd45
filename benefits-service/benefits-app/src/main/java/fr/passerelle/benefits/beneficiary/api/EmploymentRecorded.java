package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Internal event: a beneficiary started a job.
 *
 * @param employmentId the job; {@code null} in the events stored before jobs could end
 * @param endDate the end the contract sets, for a fixed term; {@code null} otherwise
 */
public record EmploymentRecorded(
    String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours,
    String employmentId,
    LocalDate endDate) {}
