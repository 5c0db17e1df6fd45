package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A second convocation studies the agenda of the first one, and nothing else. */
public class NotOnFirstConvocationAgendaException extends ConflictException {

  NotOnFirstConvocationAgendaException() {
    super(
        "Ce dossier n'était pas à l'ordre du jour de la première convocation : une seconde"
            + " convocation siège avec le même ordre du jour.");
  }
}
