package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** An opinion on a dossier that is not on the session's agenda. */
public class NotOnAgendaException extends ConflictException {

  NotOnAgendaException() {
    super(
        "Le dossier n'est pas inscrit à l'ordre du jour de cette séance : la commission ne peut"
            + " rendre un avis que sur les dossiers inscrits à l'ordre du jour de la séance.");
  }
}
