package fr.passerelle.benefits.events;

/** Why the AFIS ended. */
public enum AfisEndReason {
  /** The pathway ended, at its term or early: the right ends with it. */
  PATHWAY_ENDED,
  /** The préfet stopped it: the beneficiary broke the commitments of the pathway. */
  COMMITMENTS_BROKEN,
  /** The préfet stopped it: the beneficiary no longer meets the conditions. */
  CONDITIONS_NO_LONGER_MET
}
