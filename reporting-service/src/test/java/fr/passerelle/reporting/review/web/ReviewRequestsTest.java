package fr.passerelle.reporting.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import fr.passerelle.reporting.review.query.ReviewPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewRequestsTest {

  private static final Instant FIRST_RECORDED = Instant.parse("2026-01-12T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final ReviewRequests requests =
      new ReviewRequests(
          new KnowledgeTime() {
            @Override
            public Instant now() {
              return NOW;
            }

            @Override
            public Optional<Instant> firstRecorded() {
              return Optional.of(FIRST_RECORDED);
            }
          });

  @Test
  void aDepartementAndAYearMakeAReviewQueryAsKnownNow() {
    assertThat(requests.departmentReview("2A", "2019", null, null, null, true))
        .isEqualTo(new FindDepartmentReviewQuery("2A", ReviewPeriod.year(2019), null, true));
    assertThat(requests.nationalReview("2100", "").year()).isEqualTo(2100);
    assertThat(requests.nationalReview("2000", null).asOf()).isNull();
  }

  @Test
  void asOfIsAnInstantWithItsOffsetInTheTimeThePlatformRecorded() {
    assertThat(
            requests
                .departmentReview("31", "2019", null, null, "2026-03-01T10:00:00+01:00", false)
                .asOf())
        .isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(requests.nationalReview("2019", FIRST_RECORDED.toString()).asOf())
        .isEqualTo(FIRST_RECORDED);
    assertThat(requests.nationalReview("2019", NOW.toString()).asOf()).isEqualTo(NOW);
  }

  @Test
  void asOfInTheFutureIsRefused() {
    assertThat(refusal(() -> requests.nationalReview("2019", "2026-11-29T10:00:01Z")).errors())
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "asOf", "dans le futur : la plateforme ne le sait pas encore"));
  }

  @Test
  void asOfBeforeThePlatformRecordedAnythingIsRefused() {
    assertThat(refusal(() -> requests.nationalReview("2019", "2019-12-31T23:00:00Z")).errors())
        .extracting(FieldError::message)
        .containsExactly(
            "avant le premier fait enregistré par la plateforme (12/01/2026 09:00:00 UTC)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-01-31", "yesterday", "2020-01-31T10:00:00"})
  void asOfIsAnInstantNotADay(String asOf) {
    assertThat(refusal(() -> requests.nationalReview("2019", asOf)).errors())
        .extracting(FieldError::field)
        .containsExactly("asOf");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void theYearIsRequired(String year) {
    assertThat(refusal(() -> requests.nationalReview(year, null)).errors())
        .containsExactly(FieldError.of("year", "année obligatoire"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1999", "2101", "19", "deux-mille", "2019.5", "-2019"})
  void aYearOutsideTheRangeIsRefused(String year) {
    assertThat(refusal(() -> requests.nationalReview(year, null)).errors())
        .containsExactly(FieldError.of("year", "année entre 2000 et 2100"));
  }

  @Test
  void everyFieldAtFaultIsNamed() {
    assertThat(
            refusal(() -> requests.departmentReview("20", "1999", null, null, "tomorrow", true))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("departmentCode", "year", "asOf");
  }

  @Test
  void theDepartementsStaffReadAnyPeriodIncludingSinceTheCommissionsInstallation() {
    assertThat(requests.departmentReview("31", null, null, "2020-01-31", null, true).period())
        .isEqualTo(ReviewPeriod.cumulativeTo(LocalDate.of(2020, 1, 31)));
    assertThat(requests.departmentReview("31", "", "2019-07-01", "2020-06-30", null, true).period())
        .isEqualTo(new ReviewPeriod(LocalDate.of(2019, 7, 1), LocalDate.of(2020, 6, 30)));
  }

  @Test
  void readersOutsideTheDepartementReadCalendarYearsOnly() {
    assertThat(
            refusal(() -> requests.departmentReview("31", null, null, "2020-01-31", null, false))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("to");
    assertThat(requests.departmentReview("31", "2019", null, null, null, false).period())
        .isEqualTo(ReviewPeriod.year(2019));
  }

  @Test
  void aPeriodEndsAfterItStartsAndIsNotAlsoAYear() {
    assertThat(
            refusal(
                    () ->
                        requests.departmentReview(
                            "31", null, "2020-02-01", "2020-01-31", null, true))
                .errors())
        .containsExactly(FieldError.of("to", "doit suivre from"));
    assertThat(
            refusal(() -> requests.departmentReview("31", "2019", null, "2019-12-31", null, true))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("year");
    assertThat(
            refusal(() -> requests.departmentReview("31", null, "2019-01-01", null, null, true))
                .errors())
        .containsExactly(FieldError.of("to", "fin de période obligatoire"));
    assertThat(
            refusal(() -> requests.departmentReview("31", null, "le 1er", "31/01/2020", null, true))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("from", "to");
  }

  private static InvalidRequestException refusal(Runnable request) {
    return catchThrowableOfType(InvalidRequestException.class, request::run);
  }
}
