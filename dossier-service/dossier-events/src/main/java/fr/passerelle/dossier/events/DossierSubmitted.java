package fr.passerelle.dossier.events;

import java.time.Instant;

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
 * @param submittedAt when the association submitted it
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
    String personPseudonym) {

  public static final String TYPE = "passerelle.dossier.dossier-submitted.v1";
}
