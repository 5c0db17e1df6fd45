package fr.passerelle.decision.session.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.decision.session.api.CommissionSessionOpened;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A sitting of a département's commission, on whose agenda dossiers are placed. */
@Aggregate
public class CommissionSession {

  @AggregateIdentifier private String sessionId;
  private String departmentCode;
  private LocalDate date;

  protected CommissionSession() {
    // rebuilt from its events by Axon
  }

  /**
   * A first convocation sits only with its quorum; a second convocation sits without. A session is
   * recorded once it sat: its date is not after today.
   */
  @CommandHandler
  public CommissionSession(OpenCommissionSessionCommand command, QuorumRule quorum, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    if (command.date().isAfter(today)) {
      throw InvalidRequestException.of(
          "date",
          "date future : une séance est enregistrée une fois tenue, au plus tard aujourd'hui");
    }
    if (!command.secondConvocation()
        && !quorum.isMet(
            command.membersTotal(), command.membersPresent(), command.membersRepresented())) {
      throw new QuorumNotReachedException(
          command.membersPresent() + command.membersRepresented(),
          command.membersTotal(),
          quorum.required(command.membersTotal()));
    }
    apply(
        new CommissionSessionOpened(
            command.sessionId(),
            command.departmentCode(),
            command.date(),
            command.membersTotal(),
            command.membersPresent(),
            command.membersRepresented(),
            command.secondConvocation()));
  }

  @EventSourcingHandler
  void on(CommissionSessionOpened event) {
    this.sessionId = event.sessionId();
    this.departmentCode = event.departmentCode();
    this.date = event.date();
  }

  public String sessionId() {
    return sessionId;
  }

  public String departmentCode() {
    return departmentCode;
  }

  public LocalDate date() {
    return date;
  }
}
