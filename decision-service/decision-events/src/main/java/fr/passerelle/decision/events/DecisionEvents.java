package fr.passerelle.decision.events;

/** Where decision-service publishes: one topic, keyed by dossier id. */
public final class DecisionEvents {

  public static final String TOPIC = "decision.events";
  public static final String SOURCE = "/passerelle/decision-service";

  private DecisionEvents() {}
}
