package fr.passerelle.benefits.events;

/** Where benefits-service publishes: one topic, keyed by dossier id. */
public final class BenefitsEvents {

  public static final String TOPIC = "benefits.events";
  public static final String SOURCE = "/passerelle/benefits-service";

  private BenefitsEvents() {}
}
