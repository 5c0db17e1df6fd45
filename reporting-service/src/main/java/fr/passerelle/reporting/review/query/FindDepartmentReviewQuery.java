package fr.passerelle.reporting.review.query;

import fr.passerelle.edge.DepartmentCode;
import java.time.Instant;

/**
 * One département's review for a period.
 *
 * @param asOf the figures as the platform knew them at this instant (the facts recorded by then);
 *     null for what it knows now
 * @param exact whether the reader is the département's own staff, who read exact figures; others
 *     read them with statistical secrecy
 */
public record FindDepartmentReviewQuery(
    String departmentCode, ReviewPeriod period, Instant asOf, boolean exact) {

  public FindDepartmentReviewQuery {
    if (!DepartmentCode.isValid(departmentCode)) {
      throw new IllegalArgumentException("Not a département code: " + departmentCode);
    }
    if (period == null) {
      throw new IllegalArgumentException("A review covers a period");
    }
  }
}
