package fr.passerelle.benefits.events;

/** Where a beneficiary lives, in the order a pathway usually goes through them. */
public enum HousingStep {
  /** Hébergement d'urgence. */
  EMERGENCY_SHELTER,
  /** Logement temporaire (résidence sociale, ALT, intermédiation locative). */
  TEMPORARY_HOUSING,
  /** Logement social. */
  SOCIAL_HOUSING,
  /** Location dans le parc privé. */
  PRIVATE_RENTAL
}
