package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * A pathway ended: at its term, early by the préfet's decision, or at the person's request. Its
 * rights end with it.
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département
 * @param reason why, as a code
 * @param lastDay the pathway's last day: its term's last day, or the day an early end takes effect
 * @param decidedOn the day of the préfet's decision or of the person's request; {@code null} at
 *     term
 * @param termNumber the term during which it ended
 * @param totalMonths months authorised over the pathway's terms
 */
public record PathwayEnded(
    String dossierId,
    String departmentCode,
    EndReason reason,
    LocalDate lastDay,
    LocalDate decidedOn,
    int termNumber,
    int totalMonths) {

  public static final String TYPE = "passerelle.decision.pathway-ended.v1";
}
