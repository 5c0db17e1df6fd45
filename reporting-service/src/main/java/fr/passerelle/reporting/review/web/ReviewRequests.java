package fr.passerelle.reporting.review.web;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import fr.passerelle.reporting.review.query.FindDepartmentSeriesQuery;
import fr.passerelle.reporting.review.query.FindNationalReviewQuery;
import fr.passerelle.reporting.review.query.ReviewPeriod;
import fr.passerelle.reporting.review.query.ReviewYears;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads review requests, refusing them with every field at fault: the département; the period of
 * domain time, a calendar {@code year} or {@code from} (optional: since the commission's
 * installation) and {@code to}; and {@code asOf}, the knowledge time, an instant with its offset
 * between the platform's first recorded event and now. Readers outside the département's staff read
 * calendar years only: periods that overlap would give away by difference what secrecy withholds.
 */
final class ReviewRequests {

  private static final String YEAR = "year";
  private static final String FROM = "from";
  private static final String TO = "to";
  private static final LocalDate FIRST_DAY = LocalDate.of(ReviewYears.FIRST, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(ReviewYears.LAST, 12, 31);

  private final KnowledgeTime knowledge;

  ReviewRequests(KnowledgeTime knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * @param exact whether the reader is the département's own staff (exact figures, any period)
   */
  FindDepartmentReviewQuery departmentReview(
      String departmentCode, String year, String from, String to, String asOf, boolean exact) {
    List<FieldError> errors = new ArrayList<>();
    if (!DepartmentCode.isValid(departmentCode)) {
      errors.add(FieldError.of("departmentCode", "code de département inconnu"));
    }
    ReviewPeriod period = period(year, from, to, exact, errors);
    Instant parsedAsOf = asOf(asOf, errors);
    refuseIfAny(errors);
    return new FindDepartmentReviewQuery(departmentCode, period, parsedAsOf, exact);
  }

  /**
   * A département's series from month {@code from} to month {@code to} ({@code YYYY-MM}, both
   * required, at most {@link FindDepartmentSeriesQuery#MAX_MONTHS} months). Any range is allowed to
   * every reader: a month's figures are withheld alike whichever range includes it.
   *
   * @param exact whether the reader is the département's own staff (exact figures)
   */
  FindDepartmentSeriesQuery departmentSeries(
      String departmentCode, String from, String to, boolean exact) {
    List<FieldError> errors = new ArrayList<>();
    if (!DepartmentCode.isValid(departmentCode)) {
      errors.add(FieldError.of("departmentCode", "code de département inconnu"));
    }
    YearMonth first = month(FROM, from, errors);
    YearMonth last = month(TO, to, errors);
    if (first != null && last != null) {
      if (first.isAfter(last)) {
        errors.add(FieldError.of(TO, "doit suivre from"));
      } else if (FindDepartmentSeriesQuery.months(first, last)
          > FindDepartmentSeriesQuery.MAX_MONTHS) {
        errors.add(
            FieldError.of(
                TO, "au plus %d mois après from".formatted(FindDepartmentSeriesQuery.MAX_MONTHS)));
      }
    }
    refuseIfAny(errors);
    return new FindDepartmentSeriesQuery(departmentCode, first, last, exact);
  }

  FindNationalReviewQuery nationalReview(String year, String asOf) {
    List<FieldError> errors = new ArrayList<>();
    int parsedYear = year(year, errors);
    Instant parsedAsOf = asOf(asOf, errors);
    refuseIfAny(errors);
    return new FindNationalReviewQuery(parsedYear, parsedAsOf);
  }

  private static ReviewPeriod period(
      String year, String from, String to, boolean anyPeriod, List<FieldError> errors) {
    boolean calendarYear = present(year);
    boolean dates = present(from) || present(to);
    if (calendarYear && dates) {
      errors.add(FieldError.of(YEAR, "une année ou une période (from, to), pas les deux"));
      return null;
    }
    if (!dates) {
      int parsed = year(year, errors);
      return parsed == 0 ? null : ReviewPeriod.year(parsed);
    }
    if (!anyPeriod) {
      errors.add(
          FieldError.of(
              TO,
              "hors du département, une année civile seulement (year) : des périodes qui se"
                  + " chevauchent rendraient par différence les effectifs masqués"));
      return null;
    }
    LocalDate first = present(from) ? day(FROM, from, errors) : null;
    if (!present(to)) {
      errors.add(FieldError.of(TO, "fin de période obligatoire"));
      return null;
    }
    LocalDate last = day(TO, to, errors);
    if (last == null || (present(from) && first == null)) {
      return null;
    }
    if (first != null && first.isAfter(last)) {
      errors.add(FieldError.of(TO, "doit suivre from"));
      return null;
    }
    return new ReviewPeriod(first, last);
  }

  private static int year(String year, List<FieldError> errors) {
    if (!present(year)) {
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

  private static LocalDate day(String field, String text, List<FieldError> errors) {
    try {
      LocalDate day = LocalDate.parse(text);
      if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
        errors.add(FieldError.of(field, "jour entre %s et %s".formatted(FIRST_DAY, LAST_DAY)));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.add(FieldError.of(field, "jour AAAA-MM-JJ, par exemple 2020-01-31"));
      return null;
    }
  }

  private static YearMonth month(String field, String text, List<FieldError> errors) {
    if (!present(text)) {
      errors.add(FieldError.of(field, "mois obligatoire (AAAA-MM)"));
      return null;
    }
    YearMonth first = YearMonth.from(FIRST_DAY);
    YearMonth last = YearMonth.from(LAST_DAY);
    if (!text.matches("\\d{4}-\\d{2}")) {
      errors.add(FieldError.of(field, "mois AAAA-MM, par exemple 2020-01"));
      return null;
    }
    try {
      YearMonth month = YearMonth.parse(text);
      if (month.isBefore(first) || month.isAfter(last)) {
        errors.add(FieldError.of(field, "mois entre %s et %s".formatted(first, last)));
        return null;
      }
      return month;
    } catch (DateTimeParseException e) {
      errors.add(FieldError.of(field, "mois AAAA-MM, par exemple 2020-01"));
      return null;
    }
  }

  /** The instant asked for, or null (now) when none is. */
  private Instant asOf(String asOf, List<FieldError> errors) {
    return knowledge.asOf(asOf, errors);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
