package fr.passerelle.benefits.events;

/** How a residence permit ended. */
public enum PermitEndReason {
  /** Its validity ran out with the pathway's term, without renewal. */
  EXPIRED,
  /** Withdrawn before its term: the pathway ended early, or the conditions no longer hold. */
  WITHDRAWN
}
