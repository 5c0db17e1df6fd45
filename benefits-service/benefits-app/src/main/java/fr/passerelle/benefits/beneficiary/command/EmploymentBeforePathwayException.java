package fr.passerelle.benefits.beneficiary.command;

import java.time.LocalDate;

/** An employment recorded as an outcome of the pathway cannot start before the pathway does. */
public class EmploymentBeforePathwayException extends RuntimeException {

  public EmploymentBeforePathwayException(LocalDate pathwayStart) {
    super(
        "Un emploi ne peut pas commencer avant le début du parcours, le %s."
            .formatted(pathwayStart));
  }
}
