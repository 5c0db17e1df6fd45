package fr.passerelle.reporting.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewRequestsTest {

  @Test
  void aDepartementAndAYearMakeAReviewQuery() {
    assertThat(ReviewRequests.departmentReview("2A", "2019"))
        .isEqualTo(new FindDepartmentReviewQuery("2A", 2019));
    assertThat(ReviewRequests.nationalReview("2100").year()).isEqualTo(2100);
    assertThat(ReviewRequests.nationalReview("2000").year()).isEqualTo(2000);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void theYearIsRequired(String year) {
    assertThat(refusal(() -> ReviewRequests.nationalReview(year)).errors())
        .containsExactly(FieldError.of("year", "année obligatoire"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1999", "2101", "19", "deux-mille", "2019.5", "-2019"})
  void aYearOutsideTheRangeIsRefused(String year) {
    assertThat(refusal(() -> ReviewRequests.nationalReview(year)).errors())
        .containsExactly(FieldError.of("year", "année entre 2000 et 2100"));
  }

  @Test
  void everyFieldAtFaultIsNamed() {
    assertThat(refusal(() -> ReviewRequests.departmentReview("20", "1999")).errors())
        .extracting(FieldError::field)
        .containsExactly("departmentCode", "year");
  }

  private static InvalidRequestException refusal(Runnable request) {
    return catchThrowableOfType(InvalidRequestException.class, request::run);
  }
}
