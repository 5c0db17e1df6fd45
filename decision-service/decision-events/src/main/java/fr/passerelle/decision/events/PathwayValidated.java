package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * The préfet authorised an exit pathway. Carries the dossier's public profile, so that the rights
 * it opens (residence permit, AFIS) can be assessed from this event alone. No personal data.
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département
 * @param personId pseudonymous id of the person
 * @param nationality ISO 3166-1 alpha-2 code
 * @param ageBand age band at submission, as in {@code DossierSubmitted} (e.g. {@code
 *     FROM_25_TO_34})
 * @param children dependent children in the household
 * @param traffickingVictim whether the person is a victim of trafficking
 * @param monthlyResources household resources of the month before submission, whole euros
 * @param receivesRsa whether the person receives, or is entitled to, the RSA
 * @param receivesAda whether the person receives the asylum seekers' allowance
 * @param decidedOn the day of the préfet's decision
 * @param startDate first day of the pathway
 * @param endDate last day of the pathway's current authorisation (six months later)
 * @param associationId the approved association that accompanies the person (optional, added in
 *     0.2: who may follow the beneficiary's rights and record their outcomes)
 * @param procuringVictim whether the person is a victim of procuring (optional, added in 0.3: a
 *     residence permit is for victims of trafficking or of procuring; absent means unknown)
 */
public record PathwayValidated(
    String dossierId,
    String departmentCode,
    String personId,
    String nationality,
    String ageBand,
    int children,
    boolean traffickingVictim,
    int monthlyResources,
    boolean receivesRsa,
    boolean receivesAda,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    String associationId,
    Boolean procuringVictim) {

  public static final String TYPE = "passerelle.decision.pathway-validated.v1";

  /** A validation as published before 0.3, which did not say whether procuring was suffered. */
  public PathwayValidated(
      String dossierId,
      String departmentCode,
      String personId,
      String nationality,
      String ageBand,
      int children,
      boolean traffickingVictim,
      int monthlyResources,
      boolean receivesRsa,
      boolean receivesAda,
      LocalDate decidedOn,
      LocalDate startDate,
      LocalDate endDate,
      String associationId) {
    this(
        dossierId,
        departmentCode,
        personId,
        nationality,
        ageBand,
        children,
        traffickingVictim,
        monthlyResources,
        receivesRsa,
        receivesAda,
        decidedOn,
        startDate,
        endDate,
        associationId,
        null);
  }
}
