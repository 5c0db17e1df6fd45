package fr.passerelle.reporting.review.web;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import fr.passerelle.reporting.review.query.FindNationalReviewQuery;
import fr.passerelle.reporting.review.query.ReviewYears;
import java.util.ArrayList;
import java.util.List;

/** Reads review requests, refusing them with every field at fault. */
final class ReviewRequests {

  private static final String YEAR = "year";

  private ReviewRequests() {}

  static FindDepartmentReviewQuery departmentReview(String departmentCode, String year) {
    List<FieldError> errors = new ArrayList<>();
    if (!DepartmentCode.isValid(departmentCode)) {
      errors.add(FieldError.of("departmentCode", "code de département inconnu"));
    }
    int parsedYear = year(year, errors);
    refuseIfAny(errors);
    return new FindDepartmentReviewQuery(departmentCode, parsedYear);
  }

  static FindNationalReviewQuery nationalReview(String year) {
    List<FieldError> errors = new ArrayList<>();
    int parsedYear = year(year, errors);
    refuseIfAny(errors);
    return new FindNationalReviewQuery(parsedYear);
  }

  private static int year(String year, List<FieldError> errors) {
    if (year == null || year.isBlank()) {
      errors.add(FieldError.of(YEAR, "année obligatoire"));
      return 0;
    }
    if (!year.matches("\\d{4}") || !ReviewYears.isValid(Integer.parseInt(year))) {
      errors.add(
          FieldError.of(
              YEAR, "année entre %d et %d".formatted(ReviewYears.FIRST, ReviewYears.LAST)));
      return 0;
    }
    return Integer.parseInt(year);
  }

  private static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
