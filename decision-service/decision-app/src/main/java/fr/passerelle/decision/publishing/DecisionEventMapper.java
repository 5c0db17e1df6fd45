package fr.passerelle.decision.publishing;

import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of decision-service are published on {@code decision.events}, and how:
 * opinions and decisions, without the votes nor the préfet's free-text motivation. Sessions and
 * agendas stay private.
 */
@Component
class DecisionEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof fr.passerelle.decision.pathway.api.OpinionRecorded e) {
      return published(
          OpinionRecorded.TYPE,
          e.dossierId(),
          new OpinionRecorded(
              e.dossierId(), e.departmentCode(), e.sessionId(), e.sessionDate(), e.opinion(), 1));
    }
    if (internalEvent instanceof PathwayAuthorised e) {
      var profile = e.profile();
      return published(
          PathwayValidated.TYPE,
          e.dossierId(),
          new PathwayValidated(
              e.dossierId(),
              e.departmentCode(),
              profile.personId(),
              profile.nationality(),
              profile.ageBand().name(),
              profile.children(),
              profile.traffickingVictim(),
              profile.monthlyResources(),
              profile.receivesRsa(),
              profile.receivesAda(),
              e.decidedOn(),
              e.startDate(),
              e.endDate(),
              profile.associationId()));
    }
    if (internalEvent instanceof fr.passerelle.decision.pathway.api.PathwayRefused e) {
      return published(
          PathwayRefused.TYPE,
          e.dossierId(),
          new PathwayRefused(
              e.dossierId(),
              e.departmentCode(),
              e.profile().nationality(),
              e.profile().traffickingVictim(),
              e.reason(),
              e.decidedOn()));
    }
    return Optional.empty();
  }

  private static Optional<IntegrationEvent> published(String type, String dossierId, Object data) {
    return Optional.of(new IntegrationEvent(type, dossierId, data));
  }
}
