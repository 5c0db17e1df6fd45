package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.edge.refusal.ConflictException;
import java.time.LocalDate;

/** An employment recorded as an outcome of the pathway cannot start before the pathway does. */
public class EmploymentBeforePathwayException extends ConflictException {

  public EmploymentBeforePathwayException(LocalDate pathwayStart) {
    super(
        "Un emploi ne peut pas commencer avant le début du parcours, le %s."
            .formatted(pathwayStart));
  }
}
