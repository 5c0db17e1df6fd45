package fr.passerelle.benefits.beneficiary.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The person whose pathway the préfet authorised (identified by the dossier): the rights the
 * authorisation opened and the integration outcomes recorded since.
 */
@Aggregate
public class Beneficiary {

  @AggregateIdentifier private String dossierId;
  private String departmentCode;
  private LocalDate pathwayStart;
  private String associationId;

  protected Beneficiary() {
    // created by Axon for a new dossier, or rebuilt from its events
  }

  /**
   * Opens the rights at once. A validation delivered again (a re-published event) finds the
   * beneficiary already registered and changes nothing.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(OpenRightsCommand command, RightsPolicy policy) {
    if (dossierId != null) {
      return;
    }
    apply(
        new BeneficiaryRegistered(
            command.dossierId(),
            command.departmentCode(),
            command.decidedOn(),
            command.startDate(),
            command.endDate(),
            command.associationId()));
    boolean permitIssued = policy.needsPermit(command.nationality());
    if (permitIssued) {
      apply(
          new PermitIssued(
              command.dossierId(),
              command.departmentCode(),
              command.startDate(),
              command.endDate()));
    }
    AfisAssessment afis = policy.assessAfis(command, permitIssued);
    if (afis instanceof AfisAssessment.Granted granted) {
      apply(
          new AfisGranted(
              command.dossierId(),
              command.departmentCode(),
              granted.monthlyAmountCents(),
              granted.territory(),
              command.startDate(),
              command.endDate()));
    } else if (afis instanceof AfisAssessment.Refused refused) {
      apply(
          new AfisRefused(
              command.dossierId(),
              command.departmentCode(),
              refused.reason(),
              command.decidedOn()));
    }
  }

  @CommandHandler
  void handle(RecordEmploymentCommand command) {
    if (!departmentCode.equals(command.departmentCode())) {
      throw new UnknownBeneficiaryException();
    }
    if (command.startDate().isBefore(pathwayStart)) {
      throw new EmploymentBeforePathwayException(pathwayStart);
    }
    apply(
        new EmploymentRecorded(
            dossierId,
            departmentCode,
            command.contractType(),
            command.startDate(),
            command.weeklyHours()));
  }

  @EventSourcingHandler
  void on(BeneficiaryRegistered event) {
    this.dossierId = event.dossierId();
    this.departmentCode = event.departmentCode();
    this.pathwayStart = event.startDate();
    this.associationId = event.associationId();
  }
}
