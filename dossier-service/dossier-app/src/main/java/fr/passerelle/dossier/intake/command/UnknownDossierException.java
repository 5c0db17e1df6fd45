package fr.passerelle.dossier.intake.command;

/** No such dossier in the département named by the request. */
public class UnknownDossierException extends RuntimeException {

  public UnknownDossierException(String dossierId) {
    super("No dossier " + dossierId + " in this département");
  }
}
