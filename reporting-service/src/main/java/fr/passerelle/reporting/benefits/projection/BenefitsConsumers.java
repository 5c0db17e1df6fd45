package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds {@code benefits.events} to the permits, AFIS and employments projections: one consumer
 * each, so that each keeps its own offsets and can be rebuilt on its own.
 */
@Configuration(proxyBeanMethods = false)
class BenefitsConsumers {

  @Bean
  EventConsumer residencePermits(ResidencePermitsProjection projection) {
    return EventConsumer.named(ResidencePermitsProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(PermitIssued.TYPE, PermitIssued.class, projection::on)
        .build();
  }

  @Bean
  EventConsumer afis(AfisProjection projection) {
    return EventConsumer.named(AfisProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(AfisGranted.TYPE, AfisGranted.class, projection::on)
        .onReceived(AfisRefused.TYPE, AfisRefused.class, projection::on)
        .build();
  }

  @Bean
  EventConsumer employments(EmploymentsProjection projection) {
    return EventConsumer.named(EmploymentsProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(EmploymentRecorded.TYPE, EmploymentRecorded.class, projection::on)
        .build();
  }
}
