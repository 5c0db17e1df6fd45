package fr.passerelle.dossier.intake.command;

import fr.passerelle.edge.refusal.ConflictException;

/**
 * A command the dossier's current state does not allow (submitting twice, revising a submission).
 */
public class DossierStateException extends ConflictException {

  public DossierStateException(String message) {
    super(message);
  }
}
