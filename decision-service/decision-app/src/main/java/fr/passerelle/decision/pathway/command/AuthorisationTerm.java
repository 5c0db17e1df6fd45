package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.LocalDate;

/**
 * How long a pathway's authorisations last: each term {@code months} (six) at least, all terms
 * {@code maximumMonths} (twenty-four) at most. A term shorter than the usual one is refused, never
 * cut short; a renewal that would pass the maximum is refused, never shortened to fit.
 *
 * @param months the usual term, and the shortest, from 1 to {@code maximumMonths}
 * @param maximumMonths the most all terms may total
 */
public record AuthorisationTerm(int months, int maximumMonths) {

  public AuthorisationTerm {
    if (months < 1 || months > maximumMonths) {
      throw new IllegalArgumentException(
          "An authorisation lasts 1 to " + maximumMonths + " months: " + months);
    }
  }

  /** The usual term and the law's maximum: 6 months, 24 in all. */
  public AuthorisationTerm(int months) {
    this(months, 24);
  }

  /** The last day of an authorisation starting on {@code startDate}: 1 May → 31 October. */
  public LocalDate lastDay(LocalDate startDate) {
    return lastDay(startDate, months);
  }

  public LocalDate lastDay(LocalDate startDate, int termMonths) {
    return startDate.plusMonths(termMonths).minusDays(1);
  }

  /**
   * The length of a term asked for: the usual one when none is given.
   *
   * @throws InvalidRequestException for a term shorter than the usual one
   */
  public int lengthOf(Integer requested) {
    if (requested == null) {
      return months;
    }
    if (requested < months) {
      throw InvalidRequestException.of(
          "months", "une autorisation dure %d mois au moins".formatted(months));
    }
    return requested;
  }

  /**
   * Checks that a term of {@code termMonths} after {@code totalMonths} already authorised stays
   * within the maximum.
   */
  public void requireWithinMaximum(int totalMonths, int termMonths) {
    if (totalMonths + termMonths > maximumMonths) {
      throw new MaximumDurationExceededException(totalMonths, termMonths, maximumMonths);
    }
  }

  /** Whether no further term can be granted. */
  public boolean isExhausted(int totalMonths) {
    return totalMonths + months > maximumMonths;
  }
}
