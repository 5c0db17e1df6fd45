package fr.passerelle.edge;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date that is not after today in every French département: refused with the request's other
 * field errors when it is in the future wherever the request comes from. Today is not the same day
 * everywhere (La Réunion's day begins two or three hours before Paris's, the Antilles' five or six
 * after), so the body, which does not know its département, lets through a date that is today
 * somewhere; the aggregate, which knows it, then checks it against today there ({@link
 * DepartmentCode#today}).
 */
@Documented
@Constraint(validatedBy = NotAfterTodayInFrance.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NotAfterTodayInFrance {

  String message() default "ne peut pas être dans le futur";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Valid when absent, or not after the latest today of the départements. */
  class Validator implements ConstraintValidator<NotAfterTodayInFrance, LocalDate> {
    @Override
    public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
      return date == null
          || !date.isAfter(DepartmentCode.latestToday(context.getClockProvider().getClock()));
    }
  }
}
