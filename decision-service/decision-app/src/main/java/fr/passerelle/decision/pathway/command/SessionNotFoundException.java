package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.NotFoundException;

/** No such commission session in the département. */
public class SessionNotFoundException extends NotFoundException {

  SessionNotFoundException() {
    super("Aucune séance de la commission de ce département ne porte cet identifiant.");
  }
}
