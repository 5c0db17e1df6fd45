package fr.passerelle.dossier.intake.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a dossier says that is not personal data: it may be published (summarised) and travels in
 * the dossier's events. Any part may be missing while the dossier is a draft. The person's
 * identity, contacts and the plan's free text live in the personal-data vault, under {@code
 * personId}.
 */
public record DossierContent(
    String associationId,
    String nationality,
    Integer children,
    Integer monthlyResources,
    Boolean receivesRsa,
    Boolean receivesAda,
    Boolean traffickingVictim,
    Set<PathwayAction> plannedActions,
    Boolean stopsProstitution,
    LocalDate signedOn) {

  public DossierContent {
    plannedActions = plannedActions == null ? Set.of() : Set.copyOf(plannedActions);
  }
}
