package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A decision before the commission gave a favourable or unfavourable opinion. */
public class OpinionRequiredException extends ConflictException {

  OpinionRequiredException() {
    super(
        "Avis de la commission requis : le préfet décide après l'avis favorable ou défavorable de"
            + " la commission départementale, qui n'a pas encore été rendu sur ce dossier.");
  }
}
