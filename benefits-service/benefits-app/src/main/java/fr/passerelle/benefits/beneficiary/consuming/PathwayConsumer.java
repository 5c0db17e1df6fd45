package fr.passerelle.benefits.beneficiary.consuming;

import fr.passerelle.benefits.beneficiary.api.RegisterBeneficiaryCommand;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Follows the pathway's life on {@code decision.events}: an authorised pathway makes its person a
 * beneficiary whose rights may then be decided. Each command runs in the inbox's transaction: the
 * beneficiary's events and the inbox record commit together.
 */
@Configuration(proxyBeanMethods = false)
class PathwayConsumer {

  /** Its consumer group and inbox key, kept from when it only opened rights. */
  static final String NAME = "rights-opening";

  @Bean
  EventConsumer pathways(CommandGateway commands) {
    return EventConsumer.named(NAME)
        .topics(DecisionEvents.TOPIC)
        .on(
            PathwayValidated.TYPE,
            PathwayValidated.class,
            validated -> commands.sendAndWait(register(validated)))
        .build();
  }

  static RegisterBeneficiaryCommand register(PathwayValidated validated) {
    return new RegisterBeneficiaryCommand(
        validated.dossierId(),
        validated.departmentCode(),
        validated.nationality(),
        validated.ageBand(),
        validated.children(),
        validated.traffickingVictim(),
        validated.procuringVictim(),
        validated.decidedOn(),
        validated.startDate(),
        validated.endDate(),
        validated.associationId());
  }
}
