package fr.passerelle.dossier.intake.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a dossier says that is not personal data: it may be published (summarised) and travels in
 * the dossier's events. Any part may be missing while the dossier is a draft. The person's
 * identity, contacts and the plan's free text live in the personal-data vault, under {@code
 * personId}.
 *
 * @param traffickingVictim whether the person is a victim of trafficking in human beings
 * @param procuringVictim whether the person is a victim of procuring (proxénétisme); with
 *     trafficking, what a residence permit (CESEDA L425-4) requires. Null when not stated, as in
 *     the dossiers drafted before it was recorded
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
    LocalDate signedOn,
    Boolean procuringVictim) {

  public DossierContent {
    plannedActions = plannedActions == null ? Set.of() : Set.copyOf(plannedActions);
  }
}
