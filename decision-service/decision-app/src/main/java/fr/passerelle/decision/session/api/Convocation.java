package fr.passerelle.decision.session.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How the members were convened to a session: the day the written convocation with the agenda was
 * sent, five days at least before the session unless the session was called in urgency.
 *
 * @param sentOn the day the convocation was sent
 * @param urgent whether the session was called in urgency, with less notice
 */
public record Convocation(LocalDate sentOn, boolean urgent) {

  /** The notice the members are given, in days, unless in urgency. */
  public static final int NOTICE_DAYS = 5;

  public Convocation {
    Objects.requireNonNull(sentOn, "sentOn");
  }
}
