package fr.passerelle.reporting.review.query;

import java.time.Instant;

/**
 * The review of a year of every département together, as national analysts read it.
 *
 * @param asOf the figures as the platform knew them at this instant; null for what it knows now
 */
public record FindNationalReviewQuery(int year, Instant asOf) {

  public FindNationalReviewQuery {
    ReviewYears.require(year);
  }
}
