package fr.passerelle.decision.shared.command;

/**
 * One field of a command whose value breaks a rule that only the domain can check (the request
 * carries a field of the same name). The message, in French, says what is wrong with it.
 */
public class InvalidCommandFieldException extends RuntimeException {

  private final String field;

  public InvalidCommandFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
