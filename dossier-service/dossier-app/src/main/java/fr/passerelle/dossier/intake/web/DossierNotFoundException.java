package fr.passerelle.dossier.intake.web;

/** No such dossier in the département of the request (another's is not revealed). */
class DossierNotFoundException extends RuntimeException {

  DossierNotFoundException(String dossierId) {
    super("No dossier " + dossierId);
  }
}
