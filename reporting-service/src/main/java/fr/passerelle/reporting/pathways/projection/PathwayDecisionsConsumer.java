package fr.passerelle.reporting.pathways.projection;

import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feeds the préfet's decisions from {@code decision.events} to their projection, each once. */
@Configuration(proxyBeanMethods = false)
class PathwayDecisionsConsumer {

  @Bean
  EventConsumer pathwayDecisions(PathwayDecisionsProjection projection) {
    return EventConsumer.named(PathwayDecisionsProjection.NAME)
        .topics(DecisionEvents.TOPIC)
        .onReceived(PathwayValidated.TYPE, PathwayValidated.class, projection::on)
        .onReceived(PathwayRefused.TYPE, PathwayRefused.class, projection::on)
        .readModel()
        .build();
  }
}
