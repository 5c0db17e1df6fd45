package fr.passerelle.reporting.review.query;

import java.time.LocalDate;
import java.time.Month;

/**
 * The domain time a review covers: from a day (or from the commission's installation, its first
 * fact, when {@code from} is null) to a day, both included.
 */
public record ReviewPeriod(LocalDate from, LocalDate to) {

  public ReviewPeriod {
    if (to == null) {
      throw new IllegalArgumentException("A period has an end");
    }
    if (from != null && from.isAfter(to)) {
      throw new IllegalArgumentException("A period ends after it starts: " + from + " " + to);
    }
  }

  public static ReviewPeriod year(int year) {
    ReviewYears.require(year);
    return new ReviewPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Since the commission's installation, up to {@code to}. */
  public static ReviewPeriod cumulativeTo(LocalDate to) {
    return new ReviewPeriod(null, to);
  }

  /** The calendar year it is, if it is one. */
  public Integer calendarYear() {
    return from != null
            && from.getYear() == to.getYear()
            && from.getMonth() == Month.JANUARY
            && from.getDayOfMonth() == 1
            && to.getMonth() == Month.DECEMBER
            && to.getDayOfMonth() == 31
        ? to.getYear()
        : null;
  }
}
