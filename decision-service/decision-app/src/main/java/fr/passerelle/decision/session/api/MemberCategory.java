package fr.passerelle.decision.session.api;

/**
 * Whom a member of the departmental commission represents (CASF R121-12-7): the categories the
 * minutes group its members by.
 */
public enum MemberCategory {
  STATE_SERVICES("Services de l'État"),
  JUSTICE("Justice"),
  POLICE_GENDARMERIE("Police et gendarmerie"),
  LOCAL_AUTHORITIES("Collectivités territoriales"),
  HEALTH("Santé"),
  ASSOCIATIONS("Associations"),
  QUALIFIED_PERSONS("Personnalités qualifiées");

  private final String label;

  MemberCategory(String label) {
    this.label = label;
  }

  /** The category as the minutes print it. */
  public String label() {
    return label;
  }
}
