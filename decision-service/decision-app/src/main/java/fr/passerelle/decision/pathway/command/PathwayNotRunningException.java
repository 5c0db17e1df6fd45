package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A renewal or an end of a pathway that was never authorised. */
public class PathwayNotRunningException extends ConflictException {

  PathwayNotRunningException() {
    super(
        "Parcours non autorisé : seul un parcours autorisé et en cours peut être renouvelé ou"
            + " prendre fin.");
  }
}
