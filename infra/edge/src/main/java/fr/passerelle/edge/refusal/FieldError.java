package fr.passerelle.edge.refusal;

/** One invalid or missing field of a request, as problem details list them under {@code errors}. */
public record FieldError(String field, String message) {

  public static FieldError of(String field, String message) {
    return new FieldError(field, message);
  }
}
