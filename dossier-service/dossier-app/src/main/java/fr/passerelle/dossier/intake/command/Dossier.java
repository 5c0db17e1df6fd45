package fr.passerelle.dossier.intake.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A person's request for an exit pathway, from its submission by an approved association. */
@Aggregate
public class Dossier {

  @AggregateIdentifier private String dossierId;
  private String departmentCode;

  protected Dossier() {
    // rebuilt from its events by Axon
  }

  @CommandHandler
  public Dossier(SubmitDossierCommand command, Clock clock) {
    apply(
        new DossierSubmitted(
            command.dossierId(),
            command.departmentCode(),
            command.nationality(),
            command.children(),
            command.traffickingVictim(),
            clock.instant()));
  }

  @EventSourcingHandler
  void on(DossierSubmitted event) {
    this.dossierId = event.dossierId();
    this.departmentCode = event.departmentCode();
  }
}
