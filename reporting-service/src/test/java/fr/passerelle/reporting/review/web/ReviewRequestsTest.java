package fr.passerelle.reporting.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import java.time.Instant;
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
    assertThat(requests.departmentReview("2A", "2019", null))
        .isEqualTo(new FindDepartmentReviewQuery("2A", 2019, null));
    assertThat(requests.nationalReview("2100", "").year()).isEqualTo(2100);
    assertThat(requests.nationalReview("2000", null).asOf()).isNull();
  }

  @Test
  void asOfIsAnInstantWithItsOffsetInTheTimeThePlatformRecorded() {
    assertThat(requests.departmentReview("31", "2019", "2026-03-01T10:00:00+01:00").asOf())
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
    assertThat(refusal(() -> requests.departmentReview("20", "1999", "tomorrow")).errors())
        .extracting(FieldError::field)
        .containsExactly("departmentCode", "year", "asOf");
  }

  private static InvalidRequestException refusal(Runnable request) {
    return catchThrowableOfType(InvalidRequestException.class, request::run);
  }
}
