package fr.passerelle.reporting.review.query;

import fr.passerelle.edge.DepartmentCode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * One département's figures month by month, from {@code from} to {@code to} included.
 *
 * @param exact whether the reader is the département's own staff, who read exact figures; others
 *     read them with statistical secrecy
 */
public record FindDepartmentSeriesQuery(
    String departmentCode, YearMonth from, YearMonth to, boolean exact) {

  /** The longest series that can be asked for: ten years. */
  public static final int MAX_MONTHS = 120;

  public FindDepartmentSeriesQuery {
    if (!DepartmentCode.isValid(departmentCode)) {
      throw new IllegalArgumentException("Not a département code: " + departmentCode);
    }
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("A series runs from a month to a later one");
    }
    if (months(from, to) > MAX_MONTHS) {
      throw new IllegalArgumentException("A series covers at most " + MAX_MONTHS + " months");
    }
  }

  /** The number of months from {@code from} to {@code to}, both included. */
  public static long months(YearMonth from, YearMonth to) {
    return ChronoUnit.MONTHS.between(from, to) + 1;
  }
}
