package fr.passerelle.dossier.association.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.association.api.ApprovalRenewed;
import fr.passerelle.dossier.association.api.AssociationApproved;
import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import fr.passerelle.dossier.association.api.RenewApprovalCommand;
import java.time.LocalDate;
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
  private String departmentCode;
  private LocalDate approvedUntil;

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

  /**
   * Renews the approval: the new one follows the one in force without a gap (from the day after it
   * ends, even when it has already ended) and lasts three years at most.
   */
  @CommandHandler
  public void handle(RenewApprovalCommand command) {
    if (!departmentCode.equals(command.departmentCode())) {
      throw new UnknownAssociationException();
    }
    if (!command.approvedUntil().isAfter(approvedUntil)) {
      throw new InvalidApprovalException(
          "approvedUntil", "doit suivre la fin de l'agrément en cours, le " + approvedUntil);
    }
    LocalDate renewedFrom = approvedUntil.plusDays(1);
    if (!command.approvedUntil().isBefore(renewedFrom.plusYears(MAX_APPROVAL_YEARS))) {
      throw new InvalidApprovalException(
          "approvedUntil", "un agrément dure " + MAX_APPROVAL_YEARS + " ans au plus");
    }
    apply(new ApprovalRenewed(associationId, departmentCode, renewedFrom, command.approvedUntil()));
  }

  @EventSourcingHandler
  void on(AssociationApproved event) {
    this.associationId = event.associationId();
    this.departmentCode = event.departmentCode();
    this.approvedUntil = event.approvedUntil();
  }

  @EventSourcingHandler
  void on(ApprovalRenewed event) {
    this.approvedUntil = event.approvedUntil();
  }
}
