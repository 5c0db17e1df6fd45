package fr.passerelle.benefits.reminder.api;

/** What a to-do item asks, and of whom. */
public enum TodoKind {
  /**
   * The préfecture: decide the residence permit of a foreign victim whose pathway is authorised.
   */
  PERMIT_TO_DECIDE("PREFECTURE"),
  /** The préfecture: a permit expires within 30 days (renew it with the pathway, or let it end). */
  PERMIT_EXPIRING("PREFECTURE"),
  /** The préfet: decide an AFIS request. */
  AFIS_REQUEST_TO_DECIDE("PREFECTURE"),
  /** The paying body: the month's payment run is not done yet. */
  PAYMENT_RUN_DUE("PAYING_BODY");

  private final String role;

  TodoKind(String role) {
    this.role = role;
  }

  /** The role whose list shows it. */
  public String role() {
    return role;
  }
}
