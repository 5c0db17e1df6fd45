package fr.passerelle.decision.pathway.api;

import fr.passerelle.edge.DepartmentCode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Internal event: a submitted dossier awaits a session of its département's commission.
 *
 * @param submittedAt when dossier-service recorded the submission
 * @param submittedOn the day the dossier was submitted, as the association entered it; null in the
 *     registrations recorded before dossier-service published that day
 */
public record DossierRegistered(
    String dossierId,
    String departmentCode,
    Instant submittedAt,
    DossierProfile profile,
    LocalDate submittedOn) {

  /**
   * The day the request was made, which no session may precede: the day entered, or for an older
   * registration the day (in its département) the submission was recorded, which was then its date.
   */
  public LocalDate submissionDate() {
    return submittedOn != null
        ? submittedOn
        : LocalDate.ofInstant(submittedAt, DepartmentCode.zone(departmentCode));
  }
}
