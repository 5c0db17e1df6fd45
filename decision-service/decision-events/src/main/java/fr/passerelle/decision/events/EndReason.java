package fr.passerelle.decision.events;

/** Why a pathway ended. */
public enum EndReason {
  /** Its last authorisation ran out without a renewal. */
  TERM_REACHED,
  /** The préfet ended it early: the person did not keep their commitments. */
  COMMITMENTS_NOT_KEPT,
  /** The préfet ended it early: the conditions of the pathway are no longer met. */
  CONDITIONS_NO_LONGER_MET,
  /** The person asked to end it. */
  PERSON_REQUEST
}
