package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Internal event: a beneficiary started a job or a training. */
public record EmploymentRecorded(
    String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours) {}
