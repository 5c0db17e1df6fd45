package fr.passerelle.dossier.intake.command;

/**
 * A command the dossier's current state does not allow (submitting twice, revising a submission).
 */
public class DossierStateException extends RuntimeException {

  public DossierStateException(String message) {
    super(message);
  }
}
