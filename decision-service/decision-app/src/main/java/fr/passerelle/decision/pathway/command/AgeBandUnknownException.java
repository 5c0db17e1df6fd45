package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** An authorisation needs the person's age band, on which the rights it opens depend. */
public class AgeBandUnknownException extends ConflictException {

  AgeBandUnknownException() {
    super(
        "Tranche d'âge inconnue : le dossier a été déposé sans la tranche d'âge de la personne,"
            + " dont dépendent les droits ouverts par l'autorisation. L'autorisation n'est pas"
            + " possible tant que le dossier ne la donne pas.");
  }
}
