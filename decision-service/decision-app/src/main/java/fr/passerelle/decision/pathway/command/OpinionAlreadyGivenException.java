package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A dossier with the commission's opinion awaits the préfet, not another session. */
public class OpinionAlreadyGivenException extends ConflictException {

  OpinionAlreadyGivenException() {
    super(
        "La commission a déjà rendu son avis sur ce dossier : il attend la décision du préfet et"
            + " ne peut être inscrit à l'ordre du jour d'une séance.");
  }
}
