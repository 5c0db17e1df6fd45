package fr.passerelle.reporting.review.query;

import fr.passerelle.edge.DepartmentCode;

/** The annual review of one département's commission. */
public record FindDepartmentReviewQuery(String departmentCode, int year) {

  public FindDepartmentReviewQuery {
    if (!DepartmentCode.isValid(departmentCode)) {
      throw new IllegalArgumentException("Not a département code: " + departmentCode);
    }
    ReviewYears.require(year);
  }
}
