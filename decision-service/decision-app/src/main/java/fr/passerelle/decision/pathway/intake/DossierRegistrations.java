package fr.passerelle.decision.pathway.intake;

import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.decision.pathway.api.RegisterRenewalRequestCommand;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;

/**
 * Reads a published submission as the registration of its dossier, a published renewal request as
 * its registration. The person is known by their pseudonym in the dossier (dossier-service 0.3), or
 * by the vault's id older submissions carried, or else by the dossier's id. The fields
 * dossier-service added in 0.2 are missing from older submissions: the age band and the association
 * then stay unknown, resources count as none and allowances as not received. The submission is
 * dated by the day the association entered (0.4), or for older submissions by the day it was
 * recorded.
 */
final class DossierRegistrations {

  private DossierRegistrations() {}

  static RegisterDossierCommand of(DossierSubmitted submitted) {
    return new RegisterDossierCommand(
        submitted.dossierId(),
        submitted.departmentCode(),
        submitted.submittedAt(),
        new DossierProfile(
            person(submitted),
            submitted.nationality(),
            submitted.ageBand(),
            submitted.children(),
            submitted.traffickingVictim(),
            submitted.monthlyResources() != null ? submitted.monthlyResources() : 0,
            Boolean.TRUE.equals(submitted.receivesRsa()),
            Boolean.TRUE.equals(submitted.receivesAda()),
            submitted.associationId(),
            submitted.procuringVictim()),
        submitted.submissionDate());
  }

  static RegisterRenewalRequestCommand of(RenewalRequested requested) {
    return new RegisterRenewalRequestCommand(
        requested.dossierId(),
        requested.departmentCode(),
        requested.requestId(),
        requested.associationId(),
        requested.requestedOn());
  }

  private static String person(DossierSubmitted submitted) {
    if (submitted.personPseudonym() != null) {
      return submitted.personPseudonym();
    }
    return submitted.personId() != null ? submitted.personId() : submitted.dossierId();
  }
}
