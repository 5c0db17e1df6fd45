package fr.passerelle.edge;

import java.util.List;

/** A request refused before anything changed, with every field at fault. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(FieldError... errors) {
    this(List.of(errors));
  }

  public InvalidRequestException(List<FieldError> errors) {
    super("Invalid request: " + errors.stream().map(FieldError::field).toList());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
