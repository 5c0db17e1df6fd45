package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** The préfet decides once on a request. */
public class AlreadyDecidedException extends ConflictException {

  AlreadyDecidedException() {
    super(
        "Le préfet a déjà décidé de ce dossier : une seconde décision sur la même demande n'est"
            + " pas possible.");
  }
}
