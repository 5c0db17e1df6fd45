package fr.passerelle.decision.pathway.intake;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers each dossier submitted on {@code dossier.events} with its département's commission, and
 * each renewal its association requests (a request that cannot be studied is recorded as declined,
 * never dead-lettered: it is the association's request, not a fault). The command runs on the
 * consumer's thread, so its events are stored in the inbox's transaction: both commit, or neither.
 */
@Configuration(proxyBeanMethods = false)
class PathwayIntakeConsumer {

  static final String NAME = "pathway-intake";

  @Bean
  EventConsumer pathwayIntake(CommandGateway commands) {
    return EventConsumer.named(NAME)
        .topics(DossierEvents.TOPIC)
        .on(
            DossierSubmitted.TYPE,
            DossierSubmitted.class,
            submitted -> commands.sendAndWait(DossierRegistrations.of(submitted)))
        .on(
            RenewalRequested.TYPE,
            RenewalRequested.class,
            requested -> commands.sendAndWait(DossierRegistrations.of(requested)))
        .build();
  }
}
