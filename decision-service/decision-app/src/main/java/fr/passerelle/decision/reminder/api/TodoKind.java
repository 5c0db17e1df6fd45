package fr.passerelle.decision.reminder.api;

import java.util.Set;

/** What a to-do item of the pathways asks, and of whom. */
public enum TodoKind {
  /**
   * The association asks for the renewal of a pathway whose term ends within 30 days; the
   * secretariat and the préfecture see it coming. Gone once a renewal is requested, and once the
   * term's last day has passed.
   */
  RENEWAL_DUE(Set.of("ASSOCIATION", "SECRETARIAT", "PREFECTURE")),
  /** The secretariat puts a renewal request on the agenda of a session. */
  RENEWAL_AWAITING_SESSION(Set.of("SECRETARIAT")),
  /** The préfet decides a request the commission gave its opinion on. */
  DECISION_DUE(Set.of("PREFECTURE"));

  private final Set<String> roles;

  TodoKind(Set<String> roles) {
    this.roles = roles;
  }

  /** The roles whose lists show it. */
  public Set<String> roles() {
    return roles;
  }
}
