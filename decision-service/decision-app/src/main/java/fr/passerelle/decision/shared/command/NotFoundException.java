package fr.passerelle.decision.shared.command;

/**
 * What a request names does not exist in its département. The message says so in French, the same
 * way whether the thing does not exist at all or belongs to another département, so that nobody
 * learns that another département's dossier exists.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
