package fr.passerelle.dossier.publishing;

import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.PersonalDataErased;
import fr.passerelle.dossier.events.PersonalDataErasureDue;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of dossier-service are published on {@code dossier.events}, and how: the
 * submission, the erasure's tombstone and its warning. Drafts, revisions, withdrawals and erasure
 * requests are the association's and the préfecture's business. Nothing from the vault is ever read
 * here: the person appears under the pseudonym computed at submission, never under the vault's id
 * (docs/adr/0022-minimal-data-on-the-bus.md lists every field and why it travels).
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
                  null,
                  content.associationId(),
                  e.ageBand(),
                  content.monthlyResources(),
                  content.receivesRsa(),
                  content.receivesAda(),
                  e.personPseudonym(),
                  content.procuringVictim(),
                  e.submittedOn())));
    }
    if (internalEvent instanceof fr.passerelle.dossier.intake.api.PersonalDataErased e) {
      return Optional.of(
          new IntegrationEvent(
              PersonalDataErased.TYPE,
              e.dossierId(),
              new PersonalDataErased(
                  e.dossierId(),
                  e.departmentCode(),
                  // the day of the erasure in the dossier's département, whatever the machine's
                  // zone
                  LocalDate.ofInstant(e.erasedAt(), DepartmentCode.zone(e.departmentCode())),
                  e.reason())));
    }
    if (internalEvent instanceof ErasureAnnounced e) {
      return Optional.of(
          new IntegrationEvent(
              PersonalDataErasureDue.TYPE,
              e.dossierId(),
              new PersonalDataErasureDue(
                  e.dossierId(),
                  e.departmentCode(),
                  e.associationId(),
                  e.erasureOn(),
                  e.reason())));
    }
    return Optional.empty();
  }
}
