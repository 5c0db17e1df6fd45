package fr.passerelle.benefits.events;

/** Why the AFIS was refused: the first condition the beneficiary does not meet. */
public enum AfisRefusalReason {
  UNDER_18,
  NO_RIGHT_TO_WORK,
  RECEIVES_ADA,
  RECEIVES_RSA,
  RESOURCES_ABOVE_RSA
}
