package fr.passerelle.dossier.association.command;

import fr.passerelle.edge.refusal.NotFoundException;

/** No such association approved in the département named by the request. */
public class UnknownAssociationException extends NotFoundException {

  public UnknownAssociationException() {
    super("Aucune association agréée de ce numéro dans ce département.");
  }
}
