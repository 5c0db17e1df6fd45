package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;
import java.time.LocalDate;

/** Nothing is decided on a pathway that has ended. */
public class PathwayEndedException extends ConflictException {

  PathwayEndedException(LocalDate lastDay) {
    super(
        "Parcours terminé le "
            + DomainDates.french(lastDay)
            + " : plus rien ne peut y être inscrit ni décidé.");
  }
}
