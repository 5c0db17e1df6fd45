package fr.passerelle.decision.pathway.intake;

import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.decision.pathway.api.RegisterRenewalRequestCommand;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;

/**
 * Reads a published submission as the registration of its dossier, a published renewal request as
 * its registration. The fields dossier-service added in 0.2 are missing from older submissions: the
 * person is then known by the dossier's id, the age band and the association stay unknown,
 * resources count as none and allowances as not received.
 */
final class DossierRegistrations {

  private DossierRegistrations() {}

  static RegisterDossierCommand of(DossierSubmitted submitted) {
    return new RegisterDossierCommand(
        submitted.dossierId(),
        submitted.departmentCode(),
        submitted.submittedAt(),
        new DossierProfile(
            submitted.personId() != null ? submitted.personId() : submitted.dossierId(),
            submitted.nationality(),
            submitted.ageBand(),
            submitted.children(),
            submitted.traffickingVictim(),
            submitted.monthlyResources() != null ? submitted.monthlyResources() : 0,
            Boolean.TRUE.equals(submitted.receivesRsa()),
            Boolean.TRUE.equals(submitted.receivesAda()),
            submitted.associationId()));
  }

  static RegisterRenewalRequestCommand of(RenewalRequested requested) {
    return new RegisterRenewalRequestCommand(
        requested.dossierId(),
        requested.departmentCode(),
        requested.requestId(),
        requested.associationId(),
        requested.requestedOn());
  }
}
