package fr.passerelle.dossier.renewal.publishing;

import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Publishes a renewal request on {@code dossier.events} as {@link RenewalRequested}, keyed by the
 * dossier so that it follows the submission: ids and the request's date only, never the plan.
 */
@Component
class RenewalEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof fr.passerelle.dossier.renewal.api.RenewalRequested e) {
      return Optional.of(
          new IntegrationEvent(
              RenewalRequested.TYPE,
              e.dossierId(),
              new RenewalRequested(
                  e.dossierId(),
                  e.departmentCode(),
                  e.requestId(),
                  e.associationId(),
                  e.requestedOn())));
    }
    return Optional.empty();
  }
}
