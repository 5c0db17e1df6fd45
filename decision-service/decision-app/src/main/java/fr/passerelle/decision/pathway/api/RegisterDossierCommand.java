package fr.passerelle.decision.pathway.api;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A submitted dossier reaches its département's commission: its pathway awaits a session. Sent
 * again when a submission is delivered again, which changes nothing.
 */
public record RegisterDossierCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    Instant submittedAt,
    DossierProfile profile) {

  public RegisterDossierCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(profile, "profile");
  }
}
