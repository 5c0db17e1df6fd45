package fr.passerelle.dossier.retention;

import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.EventConsumer;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The other services' events that tell retention when the person was last in contact (each by its
 * domain date: the session, the decision, a renewal's decision, the right's start, the job's start)
 * and when the file closed (a refusal, or the pathway's end, whose last day is the last contact:
 * the person was supported until then). Applied once each, in the inbox's transaction. An event
 * about a dossier this service does not know changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class RetentionContacts {

  static final String NAME = "retention-contacts";

  @Bean
  EventConsumer retentionContactsConsumer(RetentionSchedule schedule) {
    return EventConsumer.named(NAME)
        .topics(DecisionEvents.TOPIC, BenefitsEvents.TOPIC)
        .on(
            OpinionRecorded.TYPE,
            OpinionRecorded.class,
            e -> schedule.contact(e.dossierId(), e.sessionDate()))
        .on(
            PathwayValidated.TYPE,
            PathwayValidated.class,
            e -> schedule.contact(e.dossierId(), e.decidedOn()))
        .on(
            PathwayRefused.TYPE,
            PathwayRefused.class,
            e -> schedule.closed(e.dossierId(), e.decidedOn()))
        .on(
            PathwayRenewed.TYPE,
            PathwayRenewed.class,
            e -> schedule.contact(e.dossierId(), e.decidedOn()))
        .on(
            PathwayRenewalRefused.TYPE,
            PathwayRenewalRefused.class,
            e -> schedule.contact(e.dossierId(), e.decidedOn()))
        .on(PathwayEnded.TYPE, PathwayEnded.class, e -> schedule.closed(e.dossierId(), lastDay(e)))
        .on(
            PermitIssued.TYPE,
            PermitIssued.class,
            e -> schedule.contact(e.dossierId(), e.validFrom()))
        .on(AfisGranted.TYPE, AfisGranted.class, e -> schedule.contact(e.dossierId(), e.from()))
        .on(
            AfisRefused.TYPE,
            AfisRefused.class,
            e -> schedule.contact(e.dossierId(), e.decidedOn()))
        .on(
            EmploymentRecorded.TYPE,
            EmploymentRecorded.class,
            e -> schedule.contact(e.dossierId(), e.startDate()))
        .build();
  }

  /**
   * The pathway's last contact: its last day, or the day of the decision or request when that came
   * later (an end recorded after the fact).
   */
  private static LocalDate lastDay(PathwayEnded ended) {
    return ended.decidedOn() != null && ended.decidedOn().isAfter(ended.lastDay())
        ? ended.decidedOn()
        : ended.lastDay();
  }
}
