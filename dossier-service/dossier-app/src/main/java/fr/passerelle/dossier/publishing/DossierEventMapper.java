package fr.passerelle.dossier.publishing;

import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which internal events of dossier-service are published on {@code dossier.events}, and how. */
@Component
class DossierEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof fr.passerelle.dossier.intake.api.DossierSubmitted e) {
      return Optional.of(
          new IntegrationEvent(
              DossierSubmitted.TYPE,
              e.dossierId(),
              new DossierSubmitted(
                  e.dossierId(),
                  e.departmentCode(),
                  e.nationality(),
                  e.children(),
                  e.traffickingVictim(),
                  e.submittedAt(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null)));
    }
    return Optional.empty();
  }
}
