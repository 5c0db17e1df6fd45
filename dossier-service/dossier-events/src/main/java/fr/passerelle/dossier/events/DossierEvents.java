package fr.passerelle.dossier.events;

/** Where dossier-service publishes: one topic, keyed by dossier id. */
public final class DossierEvents {

  public static final String TOPIC = "dossier.events";
  public static final String SOURCE = "/passerelle/dossier-service";

  private DossierEvents() {}
}
