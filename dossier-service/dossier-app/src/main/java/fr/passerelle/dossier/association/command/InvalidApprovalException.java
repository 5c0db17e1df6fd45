package fr.passerelle.dossier.association.command;

/** An approval whose dates break the rules; names the field at fault. */
public class InvalidApprovalException extends RuntimeException {

  private final String field;

  public InvalidApprovalException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
