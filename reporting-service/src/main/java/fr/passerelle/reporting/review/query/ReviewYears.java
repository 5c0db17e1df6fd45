package fr.passerelle.reporting.review.query;

/** The years a review can be asked for. */
public final class ReviewYears {

  public static final int FIRST = 2000;
  public static final int LAST = 2100;

  private ReviewYears() {}

  public static boolean isValid(int year) {
    return year >= FIRST && year <= LAST;
  }

  static void require(int year) {
    if (!isValid(year)) {
      throw new IllegalArgumentException("No review for year " + year);
    }
  }
}
