package fr.passerelle.decision.shared.command;

/**
 * A request that breaks a rule of the procedure in the current state of a dossier or a session. The
 * message explains the rule in French, for the person who made the request.
 */
public class RuleViolationException extends RuntimeException {

  public RuleViolationException(String message) {
    super(message);
  }
}
