package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * A job ended.
 *
 * @param endDate its last day
 */
public record EmploymentEnded(
    String dossierId, String departmentCode, String employmentId, LocalDate endDate) {

  public static final String TYPE = "passerelle.benefits.employment-ended.v1";
}
