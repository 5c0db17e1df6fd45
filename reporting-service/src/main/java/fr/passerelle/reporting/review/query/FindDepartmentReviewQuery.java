package fr.passerelle.reporting.review.query;

import fr.passerelle.edge.DepartmentCode;
import java.time.Instant;

/**
 * The annual review of one département's commission.
 *
 * @param asOf the figures as the platform knew them at this instant (the facts recorded by then);
 *     null for what it knows now
 */
public record FindDepartmentReviewQuery(String departmentCode, int year, Instant asOf) {

  public FindDepartmentReviewQuery {
    if (!DepartmentCode.isValid(departmentCode)) {
      throw new IllegalArgumentException("Not a département code: " + departmentCode);
    }
    ReviewYears.require(year);
  }
}
