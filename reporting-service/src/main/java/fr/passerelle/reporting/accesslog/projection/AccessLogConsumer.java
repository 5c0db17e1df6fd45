package fr.passerelle.reporting.accesslog.projection;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gathers the access log entries every service publishes on its own topic. */
@Configuration(proxyBeanMethods = false)
class AccessLogConsumer {

  @Bean
  EventConsumer accessLog(AccessLogProjection projection) {
    return EventConsumer.named(AccessLogProjection.NAME)
        .topics(DossierEvents.TOPIC, DecisionEvents.TOPIC, BenefitsEvents.TOPIC)
        .on(AccessRecorded.TYPE, AccessRecorded.class, projection::on)
        .readModel()
        .build();
  }
}
