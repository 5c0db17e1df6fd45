package fr.passerelle.decision.session.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.decision.session.api.AppointMemberCommand;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.api.MemberAppointed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A département's commission: its members, named with whom they represent. Each session takes its
 * members from here as they are when it sits, for its quorum, its votes and its minutes.
 */
@Aggregate
public class Commission {

  @AggregateIdentifier private String commissionId;
  private final Map<String, Member> members = new LinkedHashMap<>();

  protected Commission() {
    // rebuilt from its events by Axon, or created by its first member
  }

  /** Records a member once: the same member sent again changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(AppointMemberCommand command) {
    if (members.containsKey(command.memberId())) {
      return;
    }
    apply(
        new MemberAppointed(
            command.commissionId(),
            command.departmentCode(),
            command.memberId(),
            command.name(),
            command.category(),
            command.associationId()));
  }

  @EventSourcingHandler
  void on(MemberAppointed event) {
    this.commissionId = event.commissionId();
    members.put(
        event.memberId(), new Member(event.memberId(), event.category(), event.associationId()));
  }

  /** The members, in the order they were named. */
  public List<Member> members() {
    return new ArrayList<>(members.values());
  }
}
