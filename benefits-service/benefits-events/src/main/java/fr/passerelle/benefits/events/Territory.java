package fr.passerelle.benefits.events;

/** Which AFIS scale applies: Mayotte has its own amounts. */
public enum Territory {
  MAINLAND,
  MAYOTTE
}
