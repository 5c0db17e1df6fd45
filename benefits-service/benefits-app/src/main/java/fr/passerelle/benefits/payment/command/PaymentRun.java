package fr.passerelle.benefits.payment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.benefits.payment.api.ConfirmPaymentRunCommand;
import fr.passerelle.benefits.payment.api.PaymentLineScheduled;
import fr.passerelle.benefits.payment.api.PaymentRunConfirmed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A département's AFIS payment run for one month, as the paying body confirmed it: the lines to
 * pay, recorded at once, each then paid on its own by the payment executor. Paying twice is the
 * beneficiary's to refuse: a month is paid once whatever the runs (ADR 28).
 */
@Aggregate
public class PaymentRun {

  @AggregateIdentifier private String runId;

  protected PaymentRun() {
    // rebuilt from its events by Axon
  }

  @CommandHandler
  public PaymentRun(ConfirmPaymentRunCommand command) {
    apply(
        new PaymentRunConfirmed(
            command.runId(),
            command.departmentCode(),
            command.month(),
            command.confirmedOn(),
            command.dossierIds().size()));
    for (String dossierId : command.dossierIds()) {
      apply(
          new PaymentLineScheduled(
              command.runId(),
              command.departmentCode(),
              command.month(),
              command.confirmedOn(),
              dossierId));
    }
  }

  @EventSourcingHandler
  void on(PaymentRunConfirmed event) {
    this.runId = event.runId();
  }
}
