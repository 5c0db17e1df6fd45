package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The answer to an employment record: what was recorded, for which beneficiary. */
public record EmploymentRecordedResponse(
    String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours) {}
