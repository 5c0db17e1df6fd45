package fr.passerelle.decision.pathway.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A submitted dossier reaches its département's commission: its pathway awaits a session. Sent
 * again when a submission is delivered again, which changes nothing.
 *
 * @param submittedAt when dossier-service recorded the submission
 * @param submittedOn the day the dossier was submitted (see {@code
 *     DossierSubmitted#submissionDate})
 */
public record RegisterDossierCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    Instant submittedAt,
    DossierProfile profile,
    LocalDate submittedOn) {

  public RegisterDossierCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(submittedOn, "submittedOn");
  }
}
