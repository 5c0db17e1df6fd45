package fr.passerelle.dossier.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An approved association submitted a dossier to the departmental commission. Carries no personal
 * data: no name, birth date, contact or document number; the person appears under a pseudonym of
 * this dossier only, the age as a band.
 *
 * @param dossierId the dossier, also the record key and {@code ce_subject}
 * @param departmentCode the département whose commission studies it ("31", "2A", "976")
 * @param nationality ISO 3166-1 alpha-2 code of the person's nationality
 * @param children number of dependent children in the household
 * @param traffickingVictim whether the person is a victim of trafficking in human beings
 * @param submittedAt when the platform recorded the submission (its recording time, not the
 *     submission's date: see {@code submittedOn})
 * @param personId the id under which dossier-service's vault kept the person (optional, added in
 *     0.2; no longer published from 0.3, see {@code personPseudonym}: the vault's id linked the bus
 *     to the vault's rows)
 * @param associationId the approved association that submitted it (optional, added in 0.2)
 * @param ageBand the person's age band at submission (optional, added in 0.2)
 * @param monthlyResources household resources of the previous month, in whole euros (optional,
 *     added in 0.2)
 * @param receivesRsa whether the person receives, or is entitled to, the RSA (optional, 0.2)
 * @param receivesAda whether the person receives the asylum seekers' allowance (optional, 0.2)
 * @param personPseudonym the person's pseudonym in this dossier (optional, added in 0.3): derived
 *     from the person's data key and the dossier id, different in each dossier of the same person,
 *     and impossible to link to the person once the data key is destroyed (erasure)
 * @param procuringVictim whether the person is a victim of procuring (optional, added in 0.3; null
 *     when the dossier does not say)
 * @param submittedOn the day the association submitted the dossier, as it entered it (optional,
 *     added in 0.4): a past year can be entered with its real dates. Absent from older submissions,
 *     where {@link #submissionDate()} falls back to the day of {@code submittedAt}
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
    String personPseudonym,
    Boolean procuringVictim,
    LocalDate submittedOn) {

  public static final String TYPE = "passerelle.dossier.dossier-submitted.v1";

  /** The zone in which a recording time becomes a day, for submissions that give no date. */
  private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

  /**
   * The submission's date, the one every consumer dates the request by: the date entered, or for a
   * submission published before 0.4 the day (in France) it was recorded, which was then its date.
   */
  public LocalDate submissionDate() {
    return submittedOn != null ? submittedOn : LocalDate.ofInstant(submittedAt, FRANCE);
  }

  /** A submission as published in 0.3, which gave no date of its own (see {@code submittedOn}). */
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
      Boolean receivesAda,
      String personPseudonym,
      Boolean procuringVictim) {
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
        personPseudonym,
        procuringVictim,
        null);
  }

  /**
   * A submission as published before 0.3, which neither gave a pseudonym nor said whether procuring
   * was suffered.
   */
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
        null,
        null,
        null);
  }
}
