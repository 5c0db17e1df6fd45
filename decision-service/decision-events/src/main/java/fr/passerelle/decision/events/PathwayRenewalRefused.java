package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * The préfet refused to renew a pathway: it ends at the last day of its current term ({@link
 * PathwayEnded} follows then).
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département
 * @param termNumber the term that was asked for: 2 for a first renewal
 * @param reason why, as a code
 * @param decidedOn the day of the préfet's decision
 * @param currentTermEndDate last day of the term that runs
 */
public record PathwayRenewalRefused(
    String dossierId,
    String departmentCode,
    int termNumber,
    RenewalRefusalReason reason,
    LocalDate decidedOn,
    LocalDate currentTermEndDate) {

  public static final String TYPE = "passerelle.decision.pathway-renewal-refused.v1";
}
