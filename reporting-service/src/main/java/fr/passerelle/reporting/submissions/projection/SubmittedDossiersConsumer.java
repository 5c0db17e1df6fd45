package fr.passerelle.reporting.submissions.projection;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feeds {@code dossier.events} to the submitted-dossiers projection, each event once. */
@Configuration(proxyBeanMethods = false)
class SubmittedDossiersConsumer {

  @Bean
  EventConsumer submittedDossiers(SubmittedDossiersProjection projection) {
    return EventConsumer.named(SubmittedDossiersProjection.NAME)
        .topics(DossierEvents.TOPIC)
        .onReceived(DossierSubmitted.TYPE, DossierSubmitted.class, projection::on)
        .readModel()
        .build();
  }
}
