package fr.passerelle.reporting.review.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as the reviews print them: a percentage with one decimal, rounded half up. */
public final class Percentages {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percentages() {}

  /**
   * {@code part} out of {@code whole}, in percent with one decimal (half up), or {@code null} when
   * {@code whole} is zero: a share of nothing is not 0 %.
   */
  public static BigDecimal of(long part, long whole) {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("Not a share: " + part + " of " + whole);
    }
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
