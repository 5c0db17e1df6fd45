package fr.passerelle.decision.erasure;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.PersonalDataErased;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's erasure reaches the préfet's motivations: their free text may name the person, so when
 * dossier-service destroys the person's data key ({@code PersonalDataErased}) every motivation kept
 * for the dossier is deleted, in the inbox's transaction (applied once, even when the event is
 * delivered again). The decisions themselves stay: their events carry ids, codes and dates only.
 */
@Configuration(proxyBeanMethods = false)
class MotivationErasure {

  static final String NAME = "motivation-erasure";

  @Bean
  EventConsumer motivationErasureConsumer(JdbcTemplate jdbc) {
    return EventConsumer.named(NAME)
        .topics(DossierEvents.TOPIC)
        .on(
            PersonalDataErased.TYPE,
            PersonalDataErased.class,
            erased ->
                jdbc.update(
                    "DELETE FROM decision_motivation WHERE dossier_id = ?", erased.dossierId()))
        .build();
  }
}
