package fr.passerelle.reporting.submissions.projection;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.consume.Inbox;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the events of {@code dossier.events} to the projections, each event once. */
@Component
class DossierEventsListener {

  private final Inbox inbox;
  private final SubmittedDossiersProjection submittedDossiers;

  DossierEventsListener(Inbox inbox, SubmittedDossiersProjection submittedDossiers) {
    this.inbox = inbox;
    this.submittedDossiers = submittedDossiers;
  }

  @KafkaListener(id = "reporting-dossier-events", topics = DossierEvents.TOPIC)
  void on(ConsumerRecord<String, String> record) {
    ReceivedEvent event = ReceivedEvent.from(record);
    if (DossierSubmitted.TYPE.equals(event.type())) {
      inbox.handleOnce(
          SubmittedDossiersProjection.NAME,
          event,
          e -> submittedDossiers.on(e.dataAs(DossierSubmitted.class)));
    }
  }
}
