package fr.passerelle.reporting.review.query;

/** The annual review of every département together, as national analysts read it. */
public record FindNationalReviewQuery(int year) {

  public FindNationalReviewQuery {
    ReviewYears.require(year);
  }
}
