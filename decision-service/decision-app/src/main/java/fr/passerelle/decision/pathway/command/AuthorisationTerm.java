package fr.passerelle.decision.pathway.command;

import java.time.LocalDate;

/**
 * How long an authorisation lasts (six months, unless configured otherwise); a pathway is renewed
 * by further authorisations.
 *
 * @param months from 1 to 24
 */
public record AuthorisationTerm(int months) {

  public AuthorisationTerm {
    if (months < 1 || months > 24) {
      throw new IllegalArgumentException("An authorisation lasts 1 to 24 months: " + months);
    }
  }

  /** The last day of an authorisation starting on {@code startDate}: 1 May → 31 October. */
  public LocalDate lastDay(LocalDate startDate) {
    return startDate.plusMonths(months).minusDays(1);
  }
}
