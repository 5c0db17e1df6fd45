package fr.passerelle.benefits.events;

/** Why the préfet suspended or stopped the AFIS. */
public enum AfisStopReason {
  /** The beneficiary broke the commitments of the pathway. */
  COMMITMENTS_BROKEN,
  /** The beneficiary no longer meets the conditions of the AFIS. */
  CONDITIONS_NO_LONGER_MET
}
