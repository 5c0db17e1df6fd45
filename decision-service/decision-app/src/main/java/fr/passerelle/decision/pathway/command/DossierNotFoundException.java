package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.NotFoundException;

/** No such dossier in the département: it does not exist, or it is another département's. */
public class DossierNotFoundException extends NotFoundException {

  public DossierNotFoundException() {
    super("Aucun dossier de ce département ne porte cet identifiant.");
  }
}
