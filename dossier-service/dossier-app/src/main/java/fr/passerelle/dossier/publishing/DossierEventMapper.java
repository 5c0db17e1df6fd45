package fr.passerelle.dossier.publishing;

import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of dossier-service are published on {@code dossier.events}, and how. Only
 * the submission leaves the service: drafts, revisions and withdrawals are the association's
 * business. Nothing from the vault is ever read here.
 */
@Component
class DossierEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof fr.passerelle.dossier.intake.api.DossierSubmitted e) {
      DossierContent content = e.content();
      return Optional.of(
          new IntegrationEvent(
              DossierSubmitted.TYPE,
              e.dossierId(),
              new DossierSubmitted(
                  e.dossierId(),
                  e.departmentCode(),
                  content.nationality(),
                  content.children(),
                  content.traffickingVictim(),
                  e.submittedAt(),
                  e.personId(),
                  content.associationId(),
                  e.ageBand(),
                  content.monthlyResources(),
                  content.receivesRsa(),
                  content.receivesAda(),
                  content.procuringVictim())));
    }
    return Optional.empty();
  }
}
