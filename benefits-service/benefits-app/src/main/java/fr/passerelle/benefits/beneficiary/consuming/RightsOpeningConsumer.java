package fr.passerelle.benefits.beneficiary.consuming;

import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens a beneficiary's rights when the préfet authorises a pathway. The command runs in the
 * inbox's transaction: the beneficiary's events and the inbox record commit together.
 */
@Configuration(proxyBeanMethods = false)
class RightsOpeningConsumer {

  static final String NAME = "rights-opening";

  @Bean
  EventConsumer rightsOpening(CommandGateway commands) {
    return EventConsumer.named(NAME)
        .topics(DecisionEvents.TOPIC)
        .on(
            PathwayValidated.TYPE,
            PathwayValidated.class,
            validated -> commands.sendAndWait(openRights(validated)))
        .build();
  }

  static OpenRightsCommand openRights(PathwayValidated validated) {
    return new OpenRightsCommand(
        validated.dossierId(),
        validated.departmentCode(),
        validated.nationality(),
        validated.ageBand(),
        validated.children(),
        validated.monthlyResources(),
        validated.receivesRsa(),
        validated.receivesAda(),
        validated.decidedOn(),
        validated.startDate(),
        validated.endDate(),
        validated.associationId());
  }
}
