package fr.passerelle.decision.shared.web;

import fr.passerelle.edge.refusal.FieldError;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Reports each cross-field error of a request as a violation on its own field. */
public class ConsistentFieldsValidator
    implements ConstraintValidator<ConsistentFields, CrossFieldChecked> {

  @Override
  public boolean isValid(CrossFieldChecked request, ConstraintValidatorContext context) {
    if (request == null) {
      return true;
    }
    List<FieldError> errors = request.crossFieldErrors();
    if (errors.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (FieldError error : errors) {
      context
          .buildConstraintViolationWithTemplate(literal(error.message()))
          .addPropertyNode(error.field())
          .addConstraintViolation();
    }
    return false;
  }

  /** The message as it is, not as a template: braces and dollars are escaped. */
  private static String literal(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
