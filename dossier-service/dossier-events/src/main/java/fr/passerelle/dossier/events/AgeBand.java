package fr.passerelle.dossier.events;

/** The person's age band at submission: published instead of the birth date. */
public enum AgeBand {
  UNDER_18,
  FROM_18_TO_24,
  FROM_25_TO_34,
  FROM_35_TO_44,
  FROM_45_TO_54,
  FROM_55;

  public boolean adult() {
    return this != UNDER_18;
  }
}
