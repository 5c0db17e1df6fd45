package fr.passerelle.decision.shared.web;

import fr.passerelle.edge.refusal.FieldError;
import java.util.List;

/**
 * A request body whose fields must agree with each other. Annotated {@link ConsistentFields}, its
 * disagreements are reported by Bean Validation with the other invalid fields, each under its own
 * field name.
 */
public interface CrossFieldChecked {

  /** The fields that disagree with others; none when a field they depend on is missing. */
  List<FieldError> crossFieldErrors();
}
