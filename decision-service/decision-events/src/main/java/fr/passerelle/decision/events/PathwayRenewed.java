package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * The préfet renewed a pathway for a further term, after the commission's opinion. The same
 * pathway, not a new one: its first authorisation was {@link PathwayValidated}.
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département
 * @param termNumber the term this renewal opens: 2 for the first renewal
 * @param decidedOn the day of the préfet's decision
 * @param startDate first day of the new term
 * @param endDate last day of the new term
 * @param totalMonths months authorised over the pathway's terms, this one included (24 at most)
 */
public record PathwayRenewed(
    String dossierId,
    String departmentCode,
    int termNumber,
    LocalDate decidedOn,
    LocalDate startDate,
    LocalDate endDate,
    int totalMonths) {

  public static final String TYPE = "passerelle.decision.pathway-renewed.v1";
}
