package fr.passerelle.dossier.association.command;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;

/** An approval whose dates break the rules; names the field at fault. */
public class InvalidApprovalException extends InvalidRequestException {

  public InvalidApprovalException(String field, String message) {
    super(FieldError.of(field, message));
  }
}
