package fr.passerelle.benefits.beneficiary.api;

/**
 * A residence document the beneficiary holds besides a permit benefits-service issued, as the
 * association declares it with an AFIS request (CASF R121-12-13-1, 2°).
 */
public enum ResidenceDocument {
  NONE,
  /** A residence document of CESEDA L411-1 (titre de séjour). */
  RESIDENCE_PERMIT,
  /** A receipt (récépissé) of a request to renew one. */
  RECEIPT
}
