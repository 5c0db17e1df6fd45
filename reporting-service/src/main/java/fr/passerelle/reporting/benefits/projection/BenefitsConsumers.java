package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.AfisEnded;
import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisPaid;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.AfisRenewed;
import fr.passerelle.benefits.events.AfisResumed;
import fr.passerelle.benefits.events.AfisSuspended;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentEnded;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.HousingStepRecorded;
import fr.passerelle.benefits.events.PermitEnded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.benefits.events.PermitRenewed;
import fr.passerelle.benefits.events.TrainingEnded;
import fr.passerelle.benefits.events.TrainingRecorded;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds {@code benefits.events} to the permits, AFIS, employments and housing projections: one
 * consumer each, so that each keeps its own offsets and can be rebuilt on its own.
 */
@Configuration(proxyBeanMethods = false)
class BenefitsConsumers {

  @Bean
  EventConsumer residencePermits(ResidencePermitsProjection projection) {
    return EventConsumer.named(ResidencePermitsProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(PermitIssued.TYPE, PermitIssued.class, projection::on)
        .onReceived(PermitRenewed.TYPE, PermitRenewed.class, projection::on)
        .onReceived(PermitEnded.TYPE, PermitEnded.class, projection::on)
        .readModel()
        .build();
  }

  @Bean
  EventConsumer afis(AfisProjection projection) {
    return EventConsumer.named(AfisProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(AfisGranted.TYPE, AfisGranted.class, projection::on)
        .onReceived(AfisRefused.TYPE, AfisRefused.class, projection::on)
        .onReceived(AfisRenewed.TYPE, AfisRenewed.class, projection::on)
        .onReceived(AfisSuspended.TYPE, AfisSuspended.class, projection::on)
        .onReceived(AfisResumed.TYPE, AfisResumed.class, projection::on)
        .onReceived(AfisEnded.TYPE, AfisEnded.class, projection::on)
        .onReceived(AfisPaid.TYPE, AfisPaid.class, projection::on)
        .readModel()
        .build();
  }

  @Bean
  EventConsumer employments(EmploymentsProjection projection) {
    return EventConsumer.named(EmploymentsProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(EmploymentRecorded.TYPE, EmploymentRecorded.class, projection::on)
        .onReceived(EmploymentEnded.TYPE, EmploymentEnded.class, projection::on)
        .onReceived(TrainingRecorded.TYPE, TrainingRecorded.class, projection::on)
        .onReceived(TrainingEnded.TYPE, TrainingEnded.class, projection::on)
        .readModel()
        .build();
  }

  @Bean
  EventConsumer housing(HousingProjection projection) {
    return EventConsumer.named(HousingProjection.NAME)
        .topics(BenefitsEvents.TOPIC)
        .onReceived(HousingStepRecorded.TYPE, HousingStepRecorded.class, projection::on)
        .readModel()
        .build();
  }
}
