package fr.passerelle.edge.refusal;

import java.util.List;

/** A request refused before anything changed, with every field at fault: a 400 problem. */
public class InvalidRequestException extends RefusedException {

  private final List<FieldError> errors;

  public InvalidRequestException(FieldError... errors) {
    this(List.of(errors));
  }

  public InvalidRequestException(List<FieldError> errors) {
    super("La requête contient des champs manquants ou invalides.");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("An invalid request names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  /** One field at fault. */
  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(FieldError.of(field, message));
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
