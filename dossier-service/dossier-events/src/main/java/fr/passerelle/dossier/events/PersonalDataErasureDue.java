package fr.passerelle.dossier.events;

import java.time.LocalDate;

/**
 * The retention period of a dossier's personal data ends soon: the person's data will be erased on
 * {@code erasureDueOn} unless something new happens in the dossier before (a revision of the draft,
 * a contact recorded by the association). Sent to the association some 30 days before, for its
 * to-do list; says nothing of the person.
 *
 * @param dossierId the dossier, also the record key and {@code ce_subject}
 * @param departmentCode the département of the dossier
 * @param associationId the association that accompanies the person, who is told (absent when the
 *     draft names none)
 * @param erasureDueOn the first day the data may be erased
 * @param reason which retention period ends: {@code DRAFT_NOT_SUBMITTED} or {@code
 *     RETENTION_AFTER_LAST_CONTACT}
 */
public record PersonalDataErasureDue(
    String dossierId,
    String departmentCode,
    String associationId,
    LocalDate erasureDueOn,
    ErasureReason reason) {

  public static final String TYPE = "passerelle.dossier.personal-data-erasure-due.v1";
}
