package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A term that would take a pathway past its maximum duration (24 months). */
public class MaximumDurationExceededException extends ConflictException {

  MaximumDurationExceededException(int totalMonths, int termMonths, int maximumMonths) {
    super(
        ("Durée maximale du parcours dépassée : %d mois déjà autorisés, %d de plus en feraient"
                + " %d, au-delà des %d mois qu'un parcours peut durer au total. Le renouvellement"
                + " n'est pas possible.")
            .formatted(totalMonths, termMonths, totalMonths + termMonths, maximumMonths));
  }
}
