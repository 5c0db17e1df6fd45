package fr.passerelle.edge.route;

/**
 * Whether a route reads or writes what the access log must record: the persons' identities, a
 * beneficiary's rights, the access log itself. Each such call, and each refused attempt, leaves an
 * entry auditors read.
 */
public enum PersonalData {
  NONE,
  READ,
  WRITE;

  public boolean logged() {
    return this != NONE;
  }
}
