package fr.passerelle.benefits.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The association recorded that a beneficiary started a job or a training. */
public record EmploymentRecorded(
    String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours) {

  public static final String TYPE = "passerelle.benefits.employment-recorded.v1";
}
