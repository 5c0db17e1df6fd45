package fr.passerelle.dossier.association.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.association.api.AssociationApproved;
import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An association approved to accompany persons on exit pathways in one département. */
@Aggregate
public class ApprovedAssociation {

  /** An approval (agrément) lasts three years at most, then is renewed. */
  static final int MAX_APPROVAL_YEARS = 3;

  @AggregateIdentifier private String associationId;

  protected ApprovedAssociation() {
    // rebuilt from its events by Axon
  }

  @CommandHandler
  public ApprovedAssociation(RegisterAssociationCommand command) {
    if (!command.approvedUntil().isAfter(command.approvedFrom())) {
      throw new InvalidApprovalException("approvedUntil", "doit suivre le début de l'agrément");
    }
    if (command.approvedUntil().isAfter(command.approvedFrom().plusYears(MAX_APPROVAL_YEARS))) {
      throw new InvalidApprovalException(
          "approvedUntil", "un agrément dure " + MAX_APPROVAL_YEARS + " ans au plus");
    }
    apply(
        new AssociationApproved(
            command.associationId(),
            command.departmentCode(),
            command.name(),
            command.approvedFrom(),
            command.approvedUntil()));
  }

  @EventSourcingHandler
  void on(AssociationApproved event) {
    this.associationId = event.associationId();
  }
}
