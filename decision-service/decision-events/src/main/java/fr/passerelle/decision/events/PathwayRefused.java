package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * The préfet refused an exit pathway.
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département
 * @param nationality ISO 3166-1 alpha-2 code
 * @param traffickingVictim whether the person is a victim of trafficking
 * @param reason why, as a code
 * @param decidedOn the day of the préfet's decision
 */
public record PathwayRefused(
    String dossierId,
    String departmentCode,
    String nationality,
    boolean traffickingVictim,
    RefusalReason reason,
    LocalDate decidedOn) {

  public static final String TYPE = "passerelle.decision.pathway-refused.v1";
}
