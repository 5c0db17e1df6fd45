package fr.passerelle.benefits.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The association recorded that a beneficiary started a job. "In employment at date D" means a job
 * whose start is on or before D and which has not ended before D ({@code EmploymentEnded}).
 *
 * @param employmentId the job, named again when it ends (optional, added in 0.3)
 * @param endDate the end the contract sets, for a fixed-term one (optional, added in 0.3); the job
 *     ends on that day unless {@code EmploymentEnded} says otherwise
 */
public record EmploymentRecorded(
    String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours,
    String employmentId,
    LocalDate endDate) {

  public static final String TYPE = "passerelle.benefits.employment-recorded.v1";

  /** An employment as published before 0.3, without its id and planned end. */
  public EmploymentRecorded(
      String dossierId,
      String departmentCode,
      ContractType contractType,
      LocalDate startDate,
      BigDecimal weeklyHours) {
    this(dossierId, departmentCode, contractType, startDate, weeklyHours, null, null);
  }
}
