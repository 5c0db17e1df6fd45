package fr.passerelle.reporting.pathways.projection;

import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds a pathway's life to its projection: renewals, renewal refusals and ends from {@code
 * decision.events}, renewals asked for from {@code dossier.events}, each once.
 */
@Configuration(proxyBeanMethods = false)
class PathwayLifecycleConsumers {

  @Bean
  EventConsumer pathwayLifecycle(PathwayLifecycleProjection projection) {
    return EventConsumer.named(PathwayLifecycleProjection.NAME)
        .topics(DecisionEvents.TOPIC)
        .onReceived(PathwayRenewed.TYPE, PathwayRenewed.class, projection::on)
        .onReceived(PathwayRenewalRefused.TYPE, PathwayRenewalRefused.class, projection::on)
        .onReceived(PathwayEnded.TYPE, PathwayEnded.class, projection::on)
        .readModel()
        .build();
  }

  @Bean
  EventConsumer renewalRequests(PathwayLifecycleProjection projection) {
    return EventConsumer.named(PathwayLifecycleProjection.REQUESTS)
        .topics(DossierEvents.TOPIC)
        .onReceived(RenewalRequested.TYPE, RenewalRequested.class, projection::on)
        .readModel()
        .build();
  }
}
