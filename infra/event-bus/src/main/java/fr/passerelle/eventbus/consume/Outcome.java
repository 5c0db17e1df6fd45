package fr.passerelle.eventbus.consume;

import java.util.Locale;

/** What happened to one delivered event, for one consumer. */
public enum Outcome {
  /** Its effect was applied now. */
  APPLIED,
  /** Its effect had already been applied: skipped. */
  DUPLICATE,
  /** An earlier event of its dossier is dead-lettered: parked behind it. */
  PARKED,
  /** It kept failing: dead-lettered. */
  DEAD_LETTERED,
  /** The consumer has no handler for its type. */
  IGNORED;

  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
