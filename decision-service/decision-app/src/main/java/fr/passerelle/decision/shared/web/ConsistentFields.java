package fr.passerelle.decision.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Checks the {@link CrossFieldChecked#crossFieldErrors()} of a request body. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentFieldsValidator.class)
public @interface ConsistentFields {

  String message() default "incohérent";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
