package fr.passerelle.decision.pathway.command;

import fr.passerelle.decision.shared.command.RuleViolationException;

/** A dossier with the commission's opinion awaits the préfet, not another session. */
public class OpinionAlreadyGivenException extends RuleViolationException {

  OpinionAlreadyGivenException() {
    super(
        "La commission a déjà rendu son avis sur ce dossier : il attend la décision du préfet et"
            + " ne peut être inscrit à l'ordre du jour d'une séance.");
  }
}
