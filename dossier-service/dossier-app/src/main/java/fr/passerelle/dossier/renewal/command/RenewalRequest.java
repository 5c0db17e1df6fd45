package fr.passerelle.dossier.renewal.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.renewal.api.RenewalRequested;
import fr.passerelle.dossier.renewal.api.RequestRenewalCommand;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An association's request to renew the pathway of a submitted dossier it accompanies. Whether the
 * pathway can be renewed (running, under 24 months, no other request pending) is decision-service's
 * to say: it records a request it cannot study as declined (ADR 16).
 */
@Aggregate
public class RenewalRequest {

  @AggregateIdentifier private String requestId;

  protected RenewalRequest() {
    // rebuilt from its events by Axon
  }

  /**
   * A request is dated today at the latest (today in the dossier's département), and not before the
   * dossier was submitted.
   */
  @CommandHandler
  public RenewalRequest(RequestRenewalCommand command, Clock clock) {
    LocalDate today = DepartmentCode.today(command.departmentCode(), clock);
    if (command.requestedOn().isAfter(today)) {
      throw InvalidRequestException.of(
          "requestedOn", "date future : une demande est enregistrée une fois faite");
    }
    if (command.requestedOn().isBefore(command.submittedOn())) {
      throw InvalidRequestException.of(
          "requestedOn",
          "antérieure au dépôt du dossier, le " + command.submittedOn() + " : rien à renouveler");
    }
    apply(
        new RenewalRequested(
            command.requestId(),
            command.dossierId(),
            command.departmentCode(),
            command.associationId(),
            command.requestedOn()));
  }

  @EventSourcingHandler
  void on(RenewalRequested event) {
    this.requestId = event.requestId();
  }
}
