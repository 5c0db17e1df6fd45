package fr.passerelle.decision.pathway.command;

import fr.passerelle.decision.shared.command.RuleViolationException;

/** The préfet decides once on a request. */
public class AlreadyDecidedException extends RuleViolationException {

  AlreadyDecidedException() {
    super(
        "Le préfet a déjà décidé de ce dossier : une seconde décision sur la même demande n'est"
            + " pas possible.");
  }
}
