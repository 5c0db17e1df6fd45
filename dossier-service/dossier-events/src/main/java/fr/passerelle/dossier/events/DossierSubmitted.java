package fr.passerelle.dossier.events;

import java.time.Instant;

/**
 * An approved association submitted a dossier to the departmental commission. Carries no personal
 * data: no name, birth date, contact or document number.
 *
 * @param dossierId the dossier, also the record key and {@code ce_subject}
 * @param departmentCode the département whose commission studies it ("31", "2A", "976")
 * @param nationality ISO 3166-1 alpha-2 code of the person's nationality
 * @param children number of dependent children in the household
 * @param traffickingVictim whether the person is a victim of trafficking in human beings
 * @param submittedAt when the association submitted it
 */
public record DossierSubmitted(
    String dossierId,
    String departmentCode,
    String nationality,
    int children,
    boolean traffickingVictim,
    Instant submittedAt) {

  public static final String TYPE = "passerelle.dossier.dossier-submitted.v1";
}
