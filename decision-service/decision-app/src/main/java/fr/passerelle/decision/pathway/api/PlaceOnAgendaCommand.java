package fr.passerelle.decision.pathway.api;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commission secretariat puts a dossier on the agenda of one of its sessions. */
public record PlaceOnAgendaCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, String sessionId) {

  public PlaceOnAgendaCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
