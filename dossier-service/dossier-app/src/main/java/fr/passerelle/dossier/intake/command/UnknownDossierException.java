package fr.passerelle.dossier.intake.command;

import fr.passerelle.edge.refusal.NotFoundException;

/** No such dossier in the département named by the request (another's is not revealed). */
public class UnknownDossierException extends NotFoundException {

  public UnknownDossierException() {
    super("Aucun dossier de ce numéro dans ce département.");
  }
}
