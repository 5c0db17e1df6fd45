package fr.passerelle.dossier.events;

import java.time.Instant;

/**
 * An approved association submitted a dossier to the departmental commission. Carries no personal
 * data: no name, birth date, contact or document number; the person appears under a pseudonymous
 * id, the age as a band.
 *
 * @param dossierId the dossier, also the record key and {@code ce_subject}
 * @param departmentCode the département whose commission studies it ("31", "2A", "976")
 * @param nationality ISO 3166-1 alpha-2 code of the person's nationality
 * @param children number of dependent children in the household
 * @param traffickingVictim whether the person is a victim of trafficking in human beings
 * @param submittedAt when the association submitted it
 * @param personId pseudonymous id of the person (optional, added in 0.2)
 * @param associationId the approved association that submitted it (optional, added in 0.2)
 * @param ageBand the person's age band at submission (optional, added in 0.2)
 * @param monthlyResources household resources of the previous month, in whole euros (optional,
 *     added in 0.2)
 * @param receivesRsa whether the person receives, or is entitled to, the RSA (optional, 0.2)
 * @param receivesAda whether the person receives the asylum seekers' allowance (optional, 0.2)
 * @param procuringVictim whether the person is a victim of procuring (optional, added in 0.3; null
 *     when the dossier does not say)
 */
public record DossierSubmitted(
    String dossierId,
    String departmentCode,
    String nationality,
    int children,
    boolean traffickingVictim,
    Instant submittedAt,
    String personId,
    String associationId,
    AgeBand ageBand,
    Integer monthlyResources,
    Boolean receivesRsa,
    Boolean receivesAda,
    Boolean procuringVictim) {

  public static final String TYPE = "passerelle.dossier.dossier-submitted.v1";

  /** A submission as published before 0.3, which did not say whether procuring was suffered. */
  public DossierSubmitted(
      String dossierId,
      String departmentCode,
      String nationality,
      int children,
      boolean traffickingVictim,
      Instant submittedAt,
      String personId,
      String associationId,
      AgeBand ageBand,
      Integer monthlyResources,
      Boolean receivesRsa,
      Boolean receivesAda) {
    this(
        dossierId,
        departmentCode,
        nationality,
        children,
        traffickingVictim,
        submittedAt,
        personId,
        associationId,
        ageBand,
        monthlyResources,
        receivesRsa,
        receivesAda,
        null);
  }
}
