package fr.passerelle.benefits.events;

/** A condition of the AFIS (CASF R121-12-13-1) the beneficiary does not meet. */
public enum AfisRefusalReason {
  /** Not 18 or over at the decision. */
  UNDER_18,
  /** Neither French, EU, EEA or Swiss, nor holding a residence document, receipt or APS. */
  NO_RIGHT_TO_WORK,
  /** Receives, or is entitled to, the asylum seekers' allowance. */
  RECEIVES_ADA,
  /** Receives, or is entitled to, the RSA. */
  RECEIVES_RSA,
  /** Household resources of the month before the request not below the RSA flat rate. */
  RESOURCES_ABOVE_RSA
}
