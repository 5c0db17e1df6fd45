package fr.passerelle.decision.pathway.api;

import fr.passerelle.dossier.events.AgeBand;
import java.util.Objects;

/**
 * The public profile of a dossier, as submitted: what the rights opened by an authorisation are
 * assessed from. No personal data.
 *
 * @param personId pseudonymous id of the person
 * @param nationality ISO 3166-1 alpha-2 code
 * @param ageBand age band at submission, {@code null} when the submission did not give it
 * @param children dependent children in the household
 * @param traffickingVictim whether the person is a victim of trafficking
 * @param monthlyResources household resources of the month before submission, whole euros
 * @param receivesRsa whether the person receives, or is entitled to, the RSA
 * @param receivesAda whether the person receives the asylum seekers' allowance
 * @param associationId the approved association that submitted the dossier, {@code null} when the
 *     submission did not name it (before 0.2) or the event was recorded before it was kept
 * @param procuringVictim whether the person is a victim of procuring, {@code null} when the
 *     submission did not say (before 0.3): with trafficking, what a residence permit is for
 */
public record DossierProfile(
    String personId,
    String nationality,
    AgeBand ageBand,
    int children,
    boolean traffickingVictim,
    int monthlyResources,
    boolean receivesRsa,
    boolean receivesAda,
    String associationId,
    Boolean procuringVictim) {

  public DossierProfile {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(nationality, "nationality");
  }

  /** A profile recorded before dossiers said whether procuring was suffered. */
  public DossierProfile(
      String personId,
      String nationality,
      AgeBand ageBand,
      int children,
      boolean traffickingVictim,
      int monthlyResources,
      boolean receivesRsa,
      boolean receivesAda,
      String associationId) {
    this(
        personId,
        nationality,
        ageBand,
        children,
        traffickingVictim,
        monthlyResources,
        receivesRsa,
        receivesAda,
        associationId,
        null);
  }
}
