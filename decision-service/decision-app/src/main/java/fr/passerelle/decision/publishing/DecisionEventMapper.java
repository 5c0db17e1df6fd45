package fr.passerelle.decision.publishing;

import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of decision-service are published on {@code decision.events}, and how:
 * opinions and decisions over the pathway's whole life (authorisation, refusal, renewals, ends),
 * without the votes; the préfet's motivations never enter an event. Sessions, agendas and renewal
 * requests stay private (requests are dossier-service's to publish).
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
              e.dossierId(),
              e.departmentCode(),
              e.sessionId(),
              e.sessionDate(),
              e.opinion(),
              e.term()));
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
    if (internalEvent instanceof fr.passerelle.decision.pathway.api.PathwayRenewed e) {
      return published(
          PathwayRenewed.TYPE,
          e.dossierId(),
          new PathwayRenewed(
              e.dossierId(),
              e.departmentCode(),
              e.termNumber(),
              e.decidedOn(),
              e.startDate(),
              e.endDate(),
              e.totalMonths()));
    }
    if (internalEvent instanceof fr.passerelle.decision.pathway.api.PathwayRenewalRefused e) {
      return published(
          PathwayRenewalRefused.TYPE,
          e.dossierId(),
          new PathwayRenewalRefused(
              e.dossierId(),
              e.departmentCode(),
              e.termNumber(),
              e.reason(),
              e.decidedOn(),
              e.currentTermEndDate()));
    }
    if (internalEvent instanceof fr.passerelle.decision.pathway.api.PathwayEnded e) {
      return published(
          PathwayEnded.TYPE,
          e.dossierId(),
          new PathwayEnded(
              e.dossierId(),
              e.departmentCode(),
              e.reason(),
              e.lastDay(),
              e.decidedOn(),
              e.termNumber(),
              e.totalMonths()));
    }
    return Optional.empty();
  }

  private static Optional<IntegrationEvent> published(String type, String dossierId, Object data) {
    return Optional.of(new IntegrationEvent(type, dossierId, data));
  }
}
