package fr.passerelle.dossier.intake.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The association submits a complete draft to its département's commission.
 *
 * @param submittedOn the day it was submitted, as the association enters it (a past year can be
 *     entered with its real dates); null for today
 */
public record SubmitDossierCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, LocalDate submittedOn) {

  /** A submission today. */
  public SubmitDossierCommand(String dossierId, String departmentCode) {
    this(dossierId, departmentCode, null);
  }
}
